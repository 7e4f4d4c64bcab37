package dev.mqttchat.gateway.web.browser;

import java.util.Map;

/**
 * Test instrumentation that DevTools runs in every page of one browser before the page's
 * own scripts (so the page's Content-Security-Policy does not apply to it): it records
 * the WebSocket frames the page receives, can keep some from the page (those for which
 * {@code window.__probe.drop(frame)} says true, as if the page had missed them), and can
 * hold the page's history requests ({@code GET /api/rooms/{id}/messages}) until the test
 * lets them go. Holding them forces the race a real network only sometimes produces: live
 * messages arriving while history loads.
 */
final class PageProbe implements AutoCloseable {

	private static final String SCRIPT = """
			(() => {
			  const frames = [];
			  let release = null;
			  let held = %s ? new Promise((resolve) => { release = resolve; }) : null;
			  let waiting = 0;
			  window.__probe = {
			    frames,
			    drop: null,
			    get waiting() { return waiting; },
			    hold() { if (!held) { held = new Promise((resolve) => { release = resolve; }); } },
			    release() { const open = release; held = null; release = null; if (open) { open(); } },
			  };
			  const realFetch = window.fetch.bind(window);
			  window.fetch = (input, init) => {
			    const url = String(input instanceof Request ? input.url : input);
			    if (!held || !/\\/api\\/rooms\\/[^/]+\\/messages/.test(url)) {
			      return realFetch(input, init);
			    }
			    waiting += 1;
			    return held.then(() => { waiting -= 1; return realFetch(input, init); });
			  };
			  const RealWebSocket = window.WebSocket;
			  window.WebSocket = class extends RealWebSocket {
			    constructor(...args) {
			      super(...args);
			      // Added before the page's own onmessage, so it can keep a frame from it.
			      this.addEventListener("message", (event) => {
			        frames.push(String(event.data));
			        if (window.__probe.drop?.(String(event.data))) {
			          event.stopImmediatePropagation();
			        }
			      });
			    }
			  };
			})();
			""";

	private final Browser browser;

	private final String identifier;

	private PageProbe(Browser browser, String identifier) {
		this.browser = browser;
		this.identifier = identifier;
	}

	/**
	 * Installs the probe for pages loaded from now on; {@code holdHistory}: their first
	 * history requests wait.
	 */
	static PageProbe install(Browser browser, boolean holdHistory) {
		Map<String, Object> result = browser.driver()
			.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", SCRIPT.formatted(holdHistory)));
		return new PageProbe(browser, String.valueOf(result.get("identifier")));
	}

	@Override
	public void close() {
		this.browser.driver()
			.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", this.identifier));
	}

}
