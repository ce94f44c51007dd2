// The dashboard's entry point: two views chosen by the address (#: national, #regio/NN: one region).
import { html } from './format.js';
import { loadNational } from './national-data.js';
import { renderNational } from './national.js';
import { renderRegion } from './region.js';
import { setUpTokenForm } from './token.js';

const view = document.getElementById('view');
const status = document.getElementById('status');
const regionNav = document.getElementById('region-nav-select');
let national;
let shown = 0;

function showError(error) {
  status.innerHTML = `<div class="utrecht-alert utrecht-alert--error" role="alert"><div class="utrecht-alert__content"><p class="utrecht-paragraph">${html(error.message)}</p></div></div>`;
}

async function fillRegionNav() {
  national ??= await loadNational();
  if (regionNav.options.length > 1) return;
  for (const region of national.regions) regionNav.add(new Option(region.name, region.code));
}

async function show({ moveFocus }) {
  const request = ++shown;
  const code = /^#regio\/([A-Z]+)$/.exec(location.hash)?.[1];
  status.textContent = 'Gegevens worden geladen…';
  view.setAttribute('aria-busy', 'true');
  try {
    await fillRegionNav();
    if (request !== shown) return;
    regionNav.value = code ?? '';
    document.title = `${code ? `${national.regions.find((r) => r.code === code)?.name ?? code}: regio-overzicht` : 'Landelijk overzicht'} | Dashboard Veilig Ondernemen`;
    if (code) await renderRegion(view, code);
    else await renderNational(view, national);
    status.textContent = '';
    if (moveFocus) view.querySelector('#view-heading')?.focus();
  } catch (error) {
    showError(error);
  } finally {
    view.removeAttribute('aria-busy');
  }
}

// Navigates on the button, not on every change of the list (keyboard users browse it with the arrow keys).
document.getElementById('region-nav').addEventListener('submit', (event) => {
  event.preventDefault();
  location.hash = regionNav.value ? `#regio/${regionNav.value}` : '#';
});
window.addEventListener('hashchange', () => show({ moveFocus: true }));
setUpTokenForm(() => show({ moveFocus: false }));
show({ moveFocus: false });
