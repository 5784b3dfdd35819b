// The queue's keyboard shortcuts (issue 12): j / k next and previous request, o or Enter
// open it, a tick it and choose whom to give it to, x tick it. Loaded with `defer` from the
// queue page; no inline script, so the CSP (script-src 'self') holds. Without it the page is
// the same table, links and forms.
(() => {
  const rows = Array.from(document.querySelectorAll('tr.queue-row'));
  if (rows.length === 0) return;
  const hint = document.querySelector('.keys-hint');
  if (hint) hint.hidden = false;
  let at = -1;
  const typing = (el) =>
    el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA');
  const go = (i) => {
    if (rows[at]) rows[at].classList.remove('current');
    at = Math.max(0, Math.min(rows.length - 1, i));
    const row = rows[at];
    row.classList.add('current');
    const link = row.querySelector('a.open');
    if (link) link.focus();
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    const row = rows[at];
    if (e.key === 'j') go(at + 1);
    else if (e.key === 'k') go(at - 1);
    else if (e.key === 'o' && row) row.querySelector('a.open')?.click();
    else if ((e.key === 'x' || e.key === 'a') && row) {
      const box = row.querySelector('input[type=checkbox]');
      if (box) box.checked = e.key === 'a' ? true : !box.checked;
      if (e.key === 'a') {
        const action = document.getElementById('field-action');
        if (action) action.value = 'owner';
        document.getElementById('field-coordinatorId')?.focus();
      }
    } else return;
    e.preventDefault();
  });
})();
