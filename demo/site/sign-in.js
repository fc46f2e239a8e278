// The demo's stand-in for a site's own sign-in. A real site prints its member's token into
// `data-token` on the Plein script tag and names a URL of its own in `data-token-url`; here
// /demo/token signs one for a demo person. This runs before plein.js (module scripts wait until
// the page is parsed), so the first requests already carry the stored sign-in, and an expired
// token is renewed through `data-token-url`.
(() => {
  const KEY = 'plein-demo-sign-in';
  const plein = document.querySelector('script[data-site]');
  const tokenUrl = (person) => `/demo/token?as=${encodeURIComponent(person)}`;

  // The URL first: Plein watches `data-token`, and reads the URL when it needs a new token.
  function signIn(person, token) {
    if (person) {
      plein.dataset.tokenUrl = tokenUrl(person);
      plein.dataset.token = token;
    } else {
      delete plein.dataset.tokenUrl;
      delete plein.dataset.token;
    }
  }

  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    // Nothing usable stored: a visitor.
  }
  let person = stored?.person && stored.token ? stored.person : '';
  if (person) signIn(person, stored.token);

  // Plein writes a renewed token back to the tag: keep that one for the next visit.
  new MutationObserver(() => {
    if (person && plein.dataset.token) localStorage.setItem(KEY, JSON.stringify({ person, token: plein.dataset.token }));
  }).observe(plein, { attributeFilter: ['data-token'] });

  document.addEventListener('DOMContentLoaded', () => {
    const select = document.getElementById('sign-in-as');
    const status = document.getElementById('sign-in-status');
    select.value = person;
    select.addEventListener('change', async () => {
      const chosen = select.value;
      status.textContent = '';
      if (!chosen) {
        person = '';
        localStorage.removeItem(KEY);
        signIn(null);
        return;
      }
      try {
        const response = await fetch(tokenUrl(chosen));
        if (!response.ok) throw new Error(String(response.status));
        const token = await response.text();
        person = chosen;
        localStorage.setItem(KEY, JSON.stringify({ person, token }));
        signIn(person, token);
      } catch {
        status.textContent = status.dataset.failed;
      }
    });
  });
})();
