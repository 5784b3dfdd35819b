/**
 * English for places and maps (issue 12): the place picker, the map of open requests beside
 * the queue, areas on a map and uploaded as GeoJSON (every problem by code), a task's
 * address in a map app. Spread into `en` (en.ts); es-maps.ts has the same keys.
 */
export const mapsEn = {
  'maps.picker.legend': 'Where you are (optional and private)',
  'maps.picker.hint':
    'Press the map where you live. Only the 500 m square around it is kept, never the exact point. Or choose your area from the list instead.',
  'maps.picker.alt': 'Map of the network’s areas: press where you live to choose that square',
  'maps.picker.title': 'Map for choosing a place',
  'maps.picker.none': 'No place chosen on the map yet.',
  'maps.picker.chosen': 'Chosen: the square marked with a cross. Save the form to keep it.',
  'maps.picker.inArea': 'It is in {area}.',
  'maps.picker.clear': 'Forget the place on the map',
  'maps.picker.locate': 'Use my location',
  'maps.picker.locating': 'Finding your location…',
  'maps.picker.locateFailed': 'Your location could not be found. Press the map instead.',
  'maps.picker.keyboard':
    'The map needs a pointer or a touch. Choose your area from the list instead.',
  'maps.picker.outside': 'That press was outside the map. Press inside it.',
  'maps.picker.outsideAreas':
    'That place is outside the network’s areas. Press inside one of the blue shapes.',
  'maps.picker.invalid': 'That press could not be read. Press the map again.',

  'maps.queue.heading': 'Where the open requests are',
  'maps.queue.title': 'Map of open requests by 500 m square',
  'maps.queue.desc':
    '{requests} open requests with a place, in {cells} squares of 500 m. Per area: {areas}.',
  'maps.queue.descNone': 'No open request has a place on the map.',
  'maps.queue.areaCount': '{name}: {count}',
  'maps.queue.outside': 'outside the areas',
  'maps.queue.fewer': 'fewer than {n}',
  'maps.queue.colArea': 'Area',
  'maps.queue.colRequests': 'Open requests',
  'maps.queue.colSquares': 'Squares',

  'maps.areaCentre.legend': 'The centre of the area: press it on the map',
  'maps.tasks.heading': 'Where the tasks near you are',
  'maps.tasks.title': 'Map of the tasks near you by 500 m square',
  'maps.tasks.desc': '{tasks} tasks with a place, in {cells} squares of 500 m. Per area: {areas}.',
  'maps.tasks.descNone': 'No task near you has a place on the map.',
  'maps.tasks.descReach':
    'The dashed ring is how far you said you can go: {km} km from the square of your home.',
  'maps.tasks.descNoReach':
    'You have not given your home, so every task of the network is shown. Add it on your volunteering page.',
  'maps.tasks.reachLabel': 'your {km} km',
  'maps.tasks.colTasks': 'Tasks',

  'maps.address.open': 'Open this address in a map app',

  'areas.map.heading': 'The network’s areas',
  'areas.map.title': 'Map of the network’s areas',
  'areas.map.desc': '{count} areas: {names}.',
  'areas.map.descNone': 'No areas yet.',
  'area.multiPolygon': 'Several shapes ({parts})',
  'area.circleShort': 'Circle of {km} km',

  'areas.upload.heading': 'Upload areas (GeoJSON)',
  'areas.upload.hint':
    'A GeoJSON file of polygons or multipolygons, each with a name, in longitude and latitude (WGS 84). All areas are added, or none.',
  'areas.upload.file': 'GeoJSON file',
  'areas.upload.submit': 'Upload the areas',
  'areas.upload.none': 'Choose a file to upload.',
  'areas.upload.failed': 'Nothing was added. The file has {count} problems:',
  'areas.upload.done': '{count} areas were added.',
  'areas.export': 'Download the areas as GeoJSON',

  'areas.draw.heading': 'Draw an area on the map',
  'areas.draw.link': 'Draw an area on the map',
  'areas.draw.intro':
    'Name the area, then press the map at each of its corners in turn, going round it. When you are back near the first corner, press “Save the area”: the outline is closed for you.',
  'areas.draw.legend': 'The area’s corners',
  'areas.draw.mapTitle': 'Map for drawing an area',
  'areas.draw.alt': 'Map of the network’s areas: press where the next corner of the new area is',
  'areas.draw.none': 'No corners yet. Press the map where the first corner is.',
  'areas.draw.count.one': '1 corner so far. Press the map where the next one is.',
  'areas.draw.count.other':
    '{count} corners so far. Press the next one, or save when you have gone round.',
  'areas.draw.undo': 'Take back the last corner',
  'areas.draw.clear': 'Start again',
  'areas.draw.save': 'Save the area',
  'areas.draw.invalid': 'The corners could not be read. Press the map again.',
  'areas.draw.keyboard':
    'A keyboard cannot aim at the map. Ask someone to press it for you, or upload the area as a GeoJSON file.',
  'areas.draw.outside': 'That press was outside the map. Press inside it.',
  'areas.draw.tooMany': 'An area can have at most 60 corners. Save it, or take back some corners.',
  'areas.draw.crosses':
    'That corner would make the outline cross itself. Press somewhere else, or take back the last corner.',
  'areas.draw.same': 'There is already a corner there. Press somewhere else.',
  'areas.draw.tooFew': 'An area needs at least 3 corners. Press the map to add more.',
  'areas.draw.flat': 'The corners lie on one line. Press the map away from that line.',

  'areas.geojson.file': 'The file',
  'areas.geojson.feature': 'Shape {n}',
  'areas.geojson.featureNamed': 'Shape {n} (“{name}”)',
  'areas.geojson.part': 'part {n}',
  'areas.geojson.ring': 'outline',
  'areas.geojson.hole': 'hole {n}',
  'areas.geojson.TOO_LARGE': 'is too large: at most {max} bytes.',
  'areas.geojson.NOT_JSON': 'is not JSON text. Export it again as GeoJSON.',
  'areas.geojson.NOT_GEOJSON': 'is not GeoJSON: a FeatureCollection, a Feature or a polygon.',
  'areas.geojson.CRS_UNSUPPORTED':
    'uses the coordinate system “{crs}”. Export it in WGS 84 (EPSG:4326).',
  'areas.geojson.NO_FEATURES': 'has no shapes in it.',
  'areas.geojson.TOO_MANY_FEATURES': 'has {count} shapes: at most {max}.',
  'areas.geojson.GEOMETRY_MISSING': 'has no geometry.',
  'areas.geojson.GEOMETRY_UNSUPPORTED':
    'is a “{type}”: only Polygon and MultiPolygon can be areas.',
  'areas.geojson.COORDINATES_INVALID': 'has coordinates that are not lists of points.',
  'areas.geojson.COORDINATES_PROJECTED':
    'has coordinates in metres, not degrees. Export it in WGS 84 (EPSG:4326).',
  'areas.geojson.POSITION_INVALID': 'has a point that is not two numbers (point {position}).',
  'areas.geojson.POSITION_OUT_OF_RANGE':
    'has a point outside the Earth’s longitudes and latitudes (point {position}).',
  'areas.geojson.TOO_MANY_PARTS': 'has too many parts: at most {max}.',
  'areas.geojson.RING_TOO_SHORT': 'has only {count} points: a shape needs at least 4.',
  'areas.geojson.RING_NOT_CLOSED': 'is not closed: the last point must be the first.',
  'areas.geojson.RING_DEGENERATE': 'has no surface: its points are on a line.',
  'areas.geojson.RING_SELF_INTERSECTS': 'crosses itself (edges {edge} and {other}).',
  'areas.geojson.HOLE_OUTSIDE': 'has a hole outside its outline.',
  'areas.geojson.CROSSES_ANTIMERIDIAN': 'crosses the 180° meridian: split it in two.',
  'areas.geojson.TOO_MANY_VERTICES': 'has {count} points: at most {max} per area.',
  'areas.geojson.TOTAL_VERTICES': 'has too many points in all: at most {max}.',
  'areas.geojson.NAME_MISSING': 'has no name (a “name” property).',
  'areas.geojson.NAME_TOO_LONG': 'has a name longer than {max} characters.',
  'areas.geojson.NAME_DUPLICATE': 'has the name “{name}”, like shape {first}.',
  'areas.geojson.NAME_TAKEN': 'has the name “{name}”, which an area of the network has.',
} as const;
