package dev.mqttchat.gateway.bridge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code chat.mqtt.url} as a list of one clustered broker's nodes, and what a SUBACK
 * refuses.
 */
class BrokerNodeListTests {

	@Test
	void aCommaSeparatedListNamesEveryNodeInOrder() {
		assertThat(BrokerEndpoint.nodes(" tcp://n1:1883, tcp://n2:1883 ,ssl://n3:8883,"))
			.containsExactly("tcp://n1:1883", "tcp://n2:1883", "ssl://n3:8883");
		assertThat(BrokerEndpoint.nodes("tcp://broker:1883")).containsExactly("tcp://broker:1883");
	}

	@Test
	void aNodeThatIsNoBrokerUriIsRefusedWithItsNameAndNoPassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> BrokerEndpoint.nodes("tcp://n1:1883,n2:1883"))
			.withMessageContaining("'n2:1883' is not a broker URI");
		assertThatIllegalArgumentException().isThrownBy(() -> BrokerEndpoint.nodes("http://u:secret@n1:80"))
			.withMessageContaining("'http://n1:80'")
			.withMessageNotContaining("secret");
		assertThatIllegalArgumentException().isThrownBy(() -> BrokerEndpoint.nodes(" , "))
			.withMessageContaining("names no broker URI");
	}

	@Test
	void aRefusedFilterIsFoundInTheSubackWhateverItsPlace() {
		assertThat(RefusedSubscriptions.refused(new int[] { 1, 0x80, 1 }, 3)).containsExactly(1);
		assertThat(RefusedSubscriptions.refused(new int[] { 0x80 }, 3)).as("one code for three filters")
			.containsExactly(0, 1, 2);
		assertThat(RefusedSubscriptions.refused(new int[] { 1, 1 }, 2)).isEmpty();
		assertThat(RefusedSubscriptions.refused(null, 2)).isEmpty();
	}

}
