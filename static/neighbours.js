// Small additions where JavaScript runs; every page works without it (issue 12).
// 1. The ask form: the emergency number stands beside "right now" for everyone; with
//    JavaScript it shows only while that choice is ticked, so it is noticed when it matters.
// 2. The calendar: a button copies the subscription's absolute address.
(() => {
  for (const note of document.querySelectorAll('[data-emergency-for]')) {
    const radio = document.getElementById(note.getAttribute('data-emergency-for'));
    if (!radio || !radio.form) continue;
    const sync = () => {
      note.hidden = !radio.checked;
    };
    for (const r of radio.form.querySelectorAll(`input[name="${radio.name}"]`))
      r.addEventListener('change', sync);
    sync();
  }
  for (const button of document.querySelectorAll('[data-copy]')) {
    const field = document.getElementById(button.getAttribute('data-copy'));
    const status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!field) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch {
        document.execCommand?.('copy');
      }
      if (status) status.textContent = button.getAttribute('data-copied') || '';
    });
  }
})();
