// Runs each query typed with Pagefind's JavaScript API and shows its best ten results, title
// and excerpt, as Folio's search page does; marks the list with the query once it is shown.
// Pagefind's script loads on the first keystroke, as Folio's search engine does, so the first
// query's bytes are all that search costs on either side.
const box = document.getElementById('query');
const list = document.getElementById('results');
let pagefind = null;
let newest = 0;
box.addEventListener('input', async () => {
  const query = box.value;
  const mine = ++newest;
  pagefind ??= import('/pagefind/pagefind.js');
  const search = await (await pagefind).search(query);
  const top = await Promise.all((search?.results ?? []).slice(0, 10).map((result) => result.data()));
  if (mine !== newest) return;
  list.replaceChildren(
    ...top.map((data) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = data.url;
      link.textContent = data.meta.title;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = data.excerpt;
      item.append(link, excerpt);
      return item;
    }),
  );
  list.dataset.query = query;
});
window.pagefindReady = true;
