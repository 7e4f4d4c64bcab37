package dev.mqttchat.gateway.presence;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Who a roster entry is: a username and the author key its connection proved, if any.
 * Connections with the same name and key are one person; another key (or none) is another
 * person of that name.
 *
 * @param username the name
 * @param author the proven author key, or {@code null}
 */
record Person(String username, @Nullable String author) {

	/** By name, then without a key before with one, then by key. */
	static final Comparator<Person> ORDER = Comparator.comparing(Person::username)
		.thenComparing(Person::author, Comparator.nullsFirst(Comparator.naturalOrder()));

	static Person of(PresenceEntry entry) {
		return new Person(entry.username(), entry.author());
	}

	boolean is(PresenceEntry entry) {
		return this.username.equals(entry.username()) && Objects.equals(this.author, entry.author());
	}

	/**
	 * This person as a roster member, from their entries among {@code entries}:
	 * {@code web} if any is, since the earliest.
	 */
	PresenceMember member(Collection<PresenceEntry> entries) {
		List<PresenceEntry> own = entries.stream().filter(this::is).toList();
		boolean web = own.stream().anyMatch((entry) -> PresenceEntry.WEB.equals(entry.source()));
		return new PresenceMember(this.username, web ? PresenceEntry.WEB : PresenceEntry.MQTT,
				own.stream().map(PresenceEntry::since).min(Comparator.naturalOrder()).orElseThrow(), this.author);
	}

}
