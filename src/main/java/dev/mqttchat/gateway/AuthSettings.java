package dev.mqttchat.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the gateway: everyone under a name they type ({@code open}) or people
 * signed in through an OpenID Connect provider ({@code oidc}).
 *
 * @param mode {@code open} or {@code oidc}
 * @param guests in {@code oidc} mode, whether people who are not signed in may open link
 * rooms under a typed name, marked as a guest's
 * @param oidc the provider, in {@code oidc} mode
 */
public record AuthSettings(@DefaultValue("open") Mode mode, @DefaultValue("false") boolean guests,
		@Valid @DefaultValue Oidc oidc) {

	/** Whether people sign in. */
	public boolean signIn() {
		return this.mode == Mode.OIDC;
	}

	/** The two ways the gateway knows who someone is. */
	public enum Mode {

		/** A name is whatever someone types: today's behaviour. */
		OPEN,

		/** Names come from an OpenID Connect provider. */
		OIDC

	}

	/**
	 * The OpenID Connect provider.
	 *
	 * @param issuerUri the provider's issuer, exactly as its tokens name it
	 * @param clientId the gateway's client id at the provider
	 * @param clientSecret the gateway's client secret; never logged
	 * @param usernameClaim the claim that names a person; {@code email} counts only when
	 * {@code email_verified} is true
	 * @param audience the audience a bearer access token must name; unset means the
	 * client id
	 */
	public record Oidc(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
			@DefaultValue("preferred_username") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}") String usernameClaim,
			@Nullable String audience) {

		/** The audience bearer tokens must carry. */
		public @Nullable String audienceOrClientId() {
			return (this.audience != null && !this.audience.isBlank()) ? this.audience : this.clientId;
		}

		@Override
		public String toString() {
			return "Oidc[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + ", clientSecret="
					+ ((this.clientSecret != null) ? "******" : null) + ", usernameClaim=" + this.usernameClaim + "]";
		}

	}

}
