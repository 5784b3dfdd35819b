// "Use my location" on a place picker (src/server/pages/place-picker.tsx). Pages work without
// it: the map itself is a button. The point is rounded to its 500 m cell here, the same
// rounding as roundForPrivacy (src/domain/geo/geo.ts), so the precise point never leaves the
// phone; the server rounds again.
(() => {
  const METRES_PER_DEGREE = (6371.0088 * 1000 * Math.PI) / 180;
  const RAD = Math.PI / 180;
  const round6 = (x) => Math.round(x * 1e6) / 1e6;
  function roundForPrivacy(lat, lng) {
    const latStep = 500 / METRES_PER_DEGREE;
    const cLat = (Math.floor(lat / latStep) + 0.5) * latStep;
    const lngStep = 500 / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(cLat * RAD)));
    const cLng = (Math.floor(lng / lngStep) + 0.5) * lngStep;
    return { lat: round6(cLat), lng: round6(cLng) };
  }
  function setUp(group) {
    const button = group.querySelector('.js-locate');
    const failed = group.querySelector('.js-locate-failed');
    const form = group.closest('form');
    if (!button || !form || !navigator.geolocation) return;
    const field = (name) => form.querySelector(`input[type="hidden"][name="${name}"]`);
    const lat = field(group.dataset.lat);
    const lng = field(group.dataset.lng);
    if (!lat || !lng) return;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', (event) => {
      event.preventDefault();
      button.disabled = true;
      button.textContent = failed?.dataset.locating ?? label;
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          const cell = roundForPrivacy(pos.coords.latitude, pos.coords.longitude);
          lat.value = String(cell.lat);
          lng.value = String(cell.lng);
          const flag = document.createElement('input');
          flag.type = 'hidden';
          flag.name = 'placeLocated';
          flag.value = '1';
          form.appendChild(flag);
          form.submit();
        },
        () => {
          button.disabled = false;
          button.textContent = label;
          if (failed) failed.hidden = false;
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
      );
    });
  }
  for (const group of document.querySelectorAll('.place-picker')) setUp(group);
})();
