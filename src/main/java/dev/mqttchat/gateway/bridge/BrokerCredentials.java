package dev.mqttchat.gateway.bridge;

/**
 * A user name and password the gateway logs in to its broker with.
 *
 * @param username the user name
 * @param password the password; never logged
 */
record BrokerCredentials(String username, String password) {

	@Override
	public String toString() {
		// The password must never reach a log line.
		return "BrokerCredentials[username=" + this.username + ", password=******]";
	}

}
