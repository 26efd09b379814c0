// Folio's dev server, in every page it serves: reloads the page when the site has been built
// again, and shows what stops a build (file, line, column, help) until a build succeeds.
// The stream is beside this script, under the site's base path.
const events = new EventSource(new URL('events', import.meta.url));
// The build the page was served from, which the server sends with every file: a build that
// ends before the stream connects is then newer, and reloads the page. (Where the browser keeps
// no server timing, the first event says which build is current.)
const navigation = performance.getEntriesByType('navigation')[0];
const served = navigation?.serverTiming?.find((entry) => entry.name === 'folio-build');
let built = served ? served.description : null;
let panel = null;

events.addEventListener('built', (event) => {
  if (built !== null && built !== event.data) location.reload();
  built = event.data;
  if (panel) panel.remove();
  panel = null;
});

events.addEventListener('problems', (event) => {
  built = built ?? '';
  if (!panel) {
    panel = document.createElement('div');
    panel.setAttribute('role', 'alert');
    panel.id = 'folio-dev-problems';
    Object.assign(panel.style, {
      position: 'fixed', inset: '1rem', zIndex: '2147483647', overflow: 'auto',
      padding: '1rem 1.25rem', borderRadius: '8px', border: '2px solid #b42318',
      background: '#fff', color: '#1a1a1a', font: '14px/1.5 ui-monospace, monospace',
      boxShadow: '0 8px 32px rgba(0, 0, 0, 0.35)',
    });
    document.body.append(panel);
  }
  const heading = document.createElement('strong');
  heading.textContent = 'The site does not build; the last good build is shown. Fix this and save:';
  const text = document.createElement('pre');
  text.style.whiteSpace = 'pre-wrap';
  text.textContent = event.data;
  panel.replaceChildren(heading, text);
});
