import type { mapsEn } from './en-maps.ts';

/** Spanish for places and maps (neutral Latin American, "usted"). Same keys and {placeholders}. */
export const mapsEs: Record<keyof typeof mapsEn, string> = {
  'maps.picker.legend': 'Dónde está usted (opcional y privado)',
  'maps.picker.hint':
    'Toque el mapa donde vive. Solo se guarda el cuadro de 500 m que lo rodea, nunca el punto exacto. O elija su zona de la lista.',
  'maps.picker.alt': 'Mapa de las zonas de la red: toque donde vive para elegir ese cuadro',
  'maps.picker.title': 'Mapa para elegir un lugar',
  'maps.picker.none': 'Todavía no eligió un lugar en el mapa.',
  'maps.picker.chosen':
    'Elegido: el cuadro marcado con una cruz. Guarde el formulario para conservarlo.',
  'maps.picker.inArea': 'Está en {area}.',
  'maps.picker.clear': 'Olvidar el lugar del mapa',
  'maps.picker.locate': 'Usar mi ubicación',
  'maps.picker.locating': 'Buscando su ubicación…',
  'maps.picker.locateFailed': 'No se encontró su ubicación. Toque el mapa.',
  'maps.picker.keyboard': 'El mapa necesita un puntero o un toque. Elija su zona de la lista.',
  'maps.picker.outside': 'Ese toque quedó fuera del mapa. Toque dentro de él.',
  'maps.picker.outsideAreas':
    'Ese lugar está fuera de las zonas de la red. Toque dentro de una de las formas azules.',
  'maps.picker.invalid': 'No se pudo leer ese toque. Toque el mapa otra vez.',

  'maps.queue.heading': 'Dónde están las solicitudes abiertas',
  'maps.queue.title': 'Mapa de solicitudes abiertas por cuadro de 500 m',
  'maps.queue.desc':
    '{requests} solicitudes abiertas con lugar, en {cells} cuadros de 500 m. Por zona: {areas}.',
  'maps.queue.descNone': 'Ninguna solicitud abierta tiene lugar en el mapa.',
  'maps.queue.areaCount': '{name}: {count}',
  'maps.queue.outside': 'fuera de las zonas',
  'maps.queue.fewer': 'menos de {n}',
  'maps.queue.colArea': 'Zona',
  'maps.queue.colRequests': 'Solicitudes abiertas',
  'maps.queue.colSquares': 'Cuadros',

  'maps.areaCentre.legend': 'El centro de la zona: púlselo en el mapa',
  'maps.tasks.heading': 'Dónde están las tareas cerca de usted',
  'maps.tasks.title': 'Mapa de las tareas cerca de usted por cuadrado de 500 m',
  'maps.tasks.desc': '{tasks} tareas con lugar, en {cells} cuadrados de 500 m. Por zona: {areas}.',
  'maps.tasks.descNone': 'Ninguna tarea cerca de usted tiene lugar en el mapa.',
  'maps.tasks.descReach':
    'El anillo de trazos es hasta dónde dijo que puede ir: {km} km desde el cuadrado de su casa.',
  'maps.tasks.descNoReach':
    'No ha indicado su casa, así que se muestran todas las tareas de la red. Añádala en su página de voluntariado.',
  'maps.tasks.reachLabel': 'sus {km} km',
  'maps.tasks.colTasks': 'Tareas',

  'maps.address.open': 'Abrir esta dirección en una aplicación de mapas',

  'areas.map.heading': 'Las zonas de la red',
  'areas.map.title': 'Mapa de las zonas de la red',
  'areas.map.desc': '{count} zonas: {names}.',
  'areas.map.descNone': 'Todavía no hay zonas.',
  'area.multiPolygon': 'Varias formas ({parts})',
  'area.circleShort': 'Círculo de {km} km',

  'areas.upload.heading': 'Subir zonas (GeoJSON)',
  'areas.upload.hint':
    'Un archivo GeoJSON de polígonos o multipolígonos, cada uno con nombre, en longitud y latitud (WGS 84). Se agregan todas las zonas o ninguna.',
  'areas.upload.file': 'Archivo GeoJSON',
  'areas.upload.submit': 'Subir las zonas',
  'areas.upload.none': 'Elija un archivo para subir.',
  'areas.upload.failed': 'No se agregó nada. El archivo tiene {count} problemas:',
  'areas.upload.done': 'Se agregaron {count} zonas.',
  'areas.export': 'Descargar las zonas como GeoJSON',

  'areas.draw.heading': 'Dibujar una zona en el mapa',
  'areas.draw.link': 'Dibujar una zona en el mapa',
  'areas.draw.intro':
    'Escriba el nombre de la zona y luego toque el mapa en cada una de sus esquinas, una tras otra, dándole la vuelta. Cuando vuelva cerca de la primera esquina, presione «Guardar la zona»: el contorno se cierra solo.',
  'areas.draw.legend': 'Las esquinas de la zona',
  'areas.draw.mapTitle': 'Mapa para dibujar una zona',
  'areas.draw.alt':
    'Mapa de las zonas de la red: toque donde está la siguiente esquina de la zona nueva',
  'areas.draw.none': 'Todavía no hay esquinas. Toque el mapa donde está la primera.',
  'areas.draw.count.one': '1 esquina por ahora. Toque el mapa donde está la siguiente.',
  'areas.draw.count.other':
    '{count} esquinas por ahora. Toque la siguiente, o guarde cuando haya dado la vuelta.',
  'areas.draw.undo': 'Quitar la última esquina',
  'areas.draw.clear': 'Empezar de nuevo',
  'areas.draw.save': 'Guardar la zona',
  'areas.draw.invalid': 'No se pudieron leer las esquinas. Toque el mapa otra vez.',
  'areas.draw.keyboard':
    'Con el teclado no se puede apuntar en el mapa. Pida a alguien que lo toque por usted, o suba la zona como archivo GeoJSON.',
  'areas.draw.outside': 'Ese toque quedó fuera del mapa. Toque dentro de él.',
  'areas.draw.tooMany': 'Una zona puede tener como máximo 60 esquinas. Guárdela o quite algunas.',
  'areas.draw.crosses':
    'Esa esquina haría que el contorno se cruce. Toque en otro lugar o quite la última esquina.',
  'areas.draw.same': 'Ya hay una esquina ahí. Toque en otro lugar.',
  'areas.draw.tooFew': 'Una zona necesita al menos 3 esquinas. Toque el mapa para añadir más.',
  'areas.draw.flat': 'Las esquinas están en una sola línea. Toque el mapa lejos de esa línea.',

  'areas.geojson.file': 'El archivo',
  'areas.geojson.feature': 'La forma {n}',
  'areas.geojson.featureNamed': 'La forma {n} («{name}»)',
  'areas.geojson.part': 'parte {n}',
  'areas.geojson.ring': 'contorno',
  'areas.geojson.hole': 'hueco {n}',
  'areas.geojson.TOO_LARGE': 'es demasiado grande: como máximo {max} bytes.',
  'areas.geojson.NOT_JSON': 'no es texto JSON. Expórtelo otra vez como GeoJSON.',
  'areas.geojson.NOT_GEOJSON': 'no es GeoJSON: una FeatureCollection, un Feature o un polígono.',
  'areas.geojson.CRS_UNSUPPORTED':
    'usa el sistema de coordenadas «{crs}». Expórtelo en WGS 84 (EPSG:4326).',
  'areas.geojson.NO_FEATURES': 'no tiene formas.',
  'areas.geojson.TOO_MANY_FEATURES': 'tiene {count} formas: como máximo {max}.',
  'areas.geojson.GEOMETRY_MISSING': 'no tiene geometría.',
  'areas.geojson.GEOMETRY_UNSUPPORTED':
    'es un «{type}»: solo Polygon y MultiPolygon pueden ser zonas.',
  'areas.geojson.COORDINATES_INVALID': 'tiene coordenadas que no son listas de puntos.',
  'areas.geojson.COORDINATES_PROJECTED':
    'tiene coordenadas en metros, no en grados. Expórtelo en WGS 84 (EPSG:4326).',
  'areas.geojson.POSITION_INVALID': 'tiene un punto que no son dos números (punto {position}).',
  'areas.geojson.POSITION_OUT_OF_RANGE':
    'tiene un punto fuera de las longitudes y latitudes de la Tierra (punto {position}).',
  'areas.geojson.TOO_MANY_PARTS': 'tiene demasiadas partes: como máximo {max}.',
  'areas.geojson.RING_TOO_SHORT': 'tiene solo {count} puntos: una forma necesita al menos 4.',
  'areas.geojson.RING_NOT_CLOSED': 'no está cerrada: el último punto debe ser el primero.',
  'areas.geojson.RING_DEGENERATE': 'no tiene superficie: sus puntos están en una línea.',
  'areas.geojson.RING_SELF_INTERSECTS': 'se cruza a sí misma (lados {edge} y {other}).',
  'areas.geojson.HOLE_OUTSIDE': 'tiene un hueco fuera de su contorno.',
  'areas.geojson.CROSSES_ANTIMERIDIAN': 'cruza el meridiano de 180°: divídala en dos.',
  'areas.geojson.TOO_MANY_VERTICES': 'tiene {count} puntos: como máximo {max} por zona.',
  'areas.geojson.TOTAL_VERTICES': 'tiene demasiados puntos en total: como máximo {max}.',
  'areas.geojson.NAME_MISSING': 'no tiene nombre (una propiedad «name»).',
  'areas.geojson.NAME_TOO_LONG': 'tiene un nombre de más de {max} caracteres.',
  'areas.geojson.NAME_DUPLICATE': 'tiene el nombre «{name}», igual que la forma {first}.',
  'areas.geojson.NAME_TAKEN': 'tiene el nombre «{name}», que ya tiene una zona de la red.',
};
