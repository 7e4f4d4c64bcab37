package dev.mqttchat.gateway.push;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.Usernames;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomRegistry;

/**
 * Reads a push request field by field, refusing with a problem that names what is wrong:
 * the name (the session's when signed in), the endpoint (under an allowed prefix), the
 * keys, and the rooms (each one the name may open, under the limit).
 */
final class PushRequestReader {

	private final AllowedEndpoints endpoints;

	private final RoomRegistry rooms;

	private final RoomAccess access;

	private final boolean signIn;

	private final int maxRooms;

	PushRequestReader(AllowedEndpoints endpoints, RoomRegistry rooms, RoomAccess access, boolean signIn, int maxRooms) {
		this.endpoints = endpoints;
		this.rooms = rooms;
		this.access = access;
		this.signIn = signIn;
		this.maxRooms = maxRooms;
	}

	/** Signed in, the session's name; otherwise the name the page uses. */
	String name(PushRequest request, @Nullable Principal principal) {
		if (this.signIn) {
			if (principal == null) {
				throw PushProblems.signInRequired();
			}
			return principal.getName();
		}
		String name = (request.username() != null) ? Usernames.normalized(request.username()) : null;
		if (name == null) {
			throw PushProblems.invalid("username: " + Usernames.whyRefused(request.username()));
		}
		return name;
	}

	/**
	 * As {@link #name}, except that in {@code open} mode a request without a name keeps
	 * the registered one ({@code null}).
	 */
	@Nullable String nameIfGiven(PushRequest request, @Nullable Principal principal) {
		return (this.signIn || request.username() != null) ? name(request, principal) : null;
	}

	/** The browser's subscription, its endpoint allowed and its keys well formed. */
	PushSubscriptions.Subscriber subscriber(PushRequest.@Nullable Subscription subscription) {
		if (subscription == null || subscription.endpoint() == null) {
			throw PushProblems.invalid("subscription.endpoint is required: the browser's PushSubscription.toJSON()");
		}
		String why = this.endpoints.whyRefused(subscription.endpoint());
		if (why != null) {
			throw PushProblems.invalid("subscription." + why);
		}
		PushRequest.Keys keys = subscription.keys();
		String p256dh = (keys != null) ? keys.p256dh() : null;
		String auth = (keys != null) ? keys.auth() : null;
		if (p256dh == null || !isPoint(p256dh)) {
			throw PushProblems
				.invalid("subscription.keys.p256dh must be base64url of an uncompressed P-256 point " + "(65 bytes)");
		}
		if (auth == null || decodedLength(auth) != 16) {
			throw PushProblems.invalid("subscription.keys.auth must be base64url of 16 bytes");
		}
		return new PushSubscriptions.Subscriber(subscription.endpoint(), p256dh, auth);
	}

	/**
	 * The rooms, each one that exists for {@code name} (unknown: a link room), and what
	 * to be notified of.
	 */
	List<PushSubscriptions.PushRoom> rooms(@Nullable List<PushRequest.Room> requested, @Nullable String name) {
		if (requested == null) {
			throw PushProblems.invalid(
					"rooms is required: a list of {\"id\", \"notify\": \"all\" | \"mentions\"} " + "(it may be empty)");
		}
		if (requested.size() > this.maxRooms) {
			throw PushProblems.invalid("rooms: at most " + this.maxRooms + " rooms per subscription");
		}
		List<PushSubscriptions.PushRoom> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (PushRequest.Room room : requested) {
			if (room == null || room.id() == null) {
				throw PushProblems.invalid("rooms: each needs the id of a room");
			}
			Notify notify = Notify.of(room.level());
			if (notify == null) {
				throw PushProblems.invalid(
						"rooms: notify must be \"all\" or \"mentions\" (room " + PushProblems.shown(room.id()) + ")");
			}
			if (!seen.add(room.id())) {
				throw PushProblems.invalid("rooms: room " + PushProblems.shown(room.id()) + " is named twice");
			}
			// A members room is not there for anyone else: the same answer as no room.
			Room found = this.rooms.find(room.id())
				.filter((candidate) -> this.access.mayOpen(candidate, name))
				.orElseThrow(() -> PushProblems.unknownRoom(room.id()));
			result.add(new PushSubscriptions.PushRoom(found.id(), notify));
		}
		return result;
	}

	private static boolean isPoint(String text) {
		try {
			P256.publicKey(P256.fromBase64Url(text));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static int decodedLength(String text) {
		try {
			return P256.fromBase64Url(text).length;
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

}
