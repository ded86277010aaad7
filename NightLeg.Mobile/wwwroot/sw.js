// NightLeg's service worker: keeps the app shell so the app opens, and says "reconnecting",
// while the host is briefly out of reach. Health data is never cached: pages and data always come
// from NightLeg itself; only the offline page, the style sheet and the icons are kept.
const SHELL = 'nightleg-shell-v1';
const FILES = ['/offline.html', '/app.css', '/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== SHELL).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }

  if (request.mode === 'navigate') {
    // Always the live page; the offline page only when NightLeg cannot be reached at all.
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
    return;
  }

  if (FILES.includes(url.pathname)) {
    // Fresh when NightLeg answers, kept when it does not.
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(SHELL).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request)));
  }
});
