package dev.mqttchat.gateway.push;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rule against server-side request forgery: the browsers' push services by default,
 * compared part by part so that no spelling of another host passes, and plain http only
 * for a loopback prefix an operator names.
 */
class AllowedEndpointsTests {

	private final AllowedEndpoints defaults = new AllowedEndpoints(
			List.of("https://fcm.googleapis.com/", "https://updates.push.services.mozilla.com/",
					"https://web.push.apple.com/", "https://*.notify.windows.com/"));

	@Test
	void theBrowsersPushServicesAreAllowed() {
		assertThat(this.defaults.whyRefused("https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b")).isNull();
		assertThat(this.defaults.whyRefused("https://fcm.googleapis.com/wp/dGVzdA")).isNull();
		assertThat(this.defaults.whyRefused("https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk")).isNull();
		assertThat(this.defaults.whyRefused("https://web.push.apple.com/QGk2Lq")).isNull();
		assertThat(this.defaults.whyRefused("https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB")).isNull();
		assertThat(this.defaults.whyRefused("https://FCM.googleapis.com:443/fcm/send/x")).isNull();
	}

	@Test
	void otherHostsAndSpellingsAreRefused() {
		assertThat(this.defaults.whyRefused("http://fcm.googleapis.com/fcm/send/x")).contains("not on a push service");
		assertThat(this.defaults.whyRefused("https://fcm.googleapis.com@169.254.169.254/")).contains("user info");
		assertThat(this.defaults.whyRefused("https://fcm.googleapis.com.evil.example/x")).isNotNull();
		assertThat(this.defaults.whyRefused("https://fcm.googleapis.com:8443/x")).isNotNull();
		assertThat(this.defaults.whyRefused("https://notify.windows.com.evil.example/w")).isNotNull();
		assertThat(this.defaults.whyRefused("https://evilnotify.windows.com/w")).isNotNull();
		assertThat(this.defaults.whyRefused("https://127.0.0.1/push/x")).isNotNull();
		assertThat(this.defaults.whyRefused("file:///etc/passwd")).isNotNull();
		assertThat(this.defaults.whyRefused("/relative")).isNotNull();
		assertThat(this.defaults.whyRefused("not a url")).isEqualTo("endpoint is not a URL");
		assertThat(this.defaults.whyRefused("https://web.push.apple.com/" + "x".repeat(3000))).contains("longer");
	}

	@Test
	void aPrefixPathIsNotLeftThroughDotSegments() {
		AllowedEndpoints local = new AllowedEndpoints(List.of("http://127.0.0.1:8099/push/"));

		assertThat(local.whyRefused("http://127.0.0.1:8099/push/abc")).isNull();
		assertThat(local.whyRefused("http://127.0.0.1:8099/push/../admin")).isNotNull();
		assertThat(local.whyRefused("http://127.0.0.1:8099/other")).isNotNull();
		assertThat(local.whyRefused("http://127.0.0.1:8098/push/abc")).isNotNull();
	}

	@Test
	void plainHttpIsOnlyForALoopbackPrefix() {
		assertThat(new AllowedEndpoints(List.of("http://[::1]:8099/")).whyRefused("http://[::1]:8099/x")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowedEndpoints(List.of("http://push.example/")))
			.withMessageContaining("CHAT_PUSH_ALLOWEDENDPOINTS");
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowedEndpoints(List.of("http://localhost:80/")));
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowedEndpoints(List.of("http://10.0.0.1/")));
		assertThatIllegalArgumentException().isThrownBy(() -> new AllowedEndpoints(List.of("ftp://127.0.0.1/")));
	}

}
