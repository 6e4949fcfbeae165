/**
 * jsdom setup for the module's DOM tests (a copy of src/web/test/setup.ts, which module code may not
 * import): jest-dom matchers, the browser APIs Mantine needs, and Testing Library's cleanup.
 */
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
}

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver = ResizeObserverStub;
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
window.scrollTo = (() => {}) as typeof window.scrollTo;
// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on document.fonts.
if (!("fonts" in document))
  Object.defineProperty(document, "fonts", {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

/**
 * Uploads use XMLHttpRequest (for progress). In tests it is replaced by a small stand-in that sends
 * through `fetch`, so the harness's fake fetch answers (and records) uploads like every other call.
 */
class FetchXhr {
  status = 0;
  responseText = "";
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    {
      onprogress: null,
    };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private method = "GET";
  private url = "";
  private headers: Record<string, string> = {};
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send(body: FormData) {
    this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 });
    globalThis
      .fetch(this.url, { method: this.method, headers: this.headers, body })
      .then(async (res) => {
        this.status = res.status;
        this.responseText = await res.text();
        this.onload?.();
      })
      .catch(() => this.onerror?.());
  }
}
(globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FetchXhr;
