package dev.mqttchat.gateway.push;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Web Push registrations under {@code /api/push}: the gateway's VAPID key, a browser's
 * subscription with its rooms, and the room its page is showing (no pushes for that one
 * meanwhile). A subscription's id is its only credential.
 */
@RestController
@ConditionalOnBooleanProperty(name = "chat.push.enabled", matchIfMissing = true)
@Tag(name = "Push")
class PushController {

	private final Vapid vapid;

	private final PushSubscriptions subscriptions;

	private final PushRequestReader reader;

	private final RoomRegistry rooms;

	private final PushRooms pushRooms;

	private final int maxPerAddress;

	private final Duration showingLease;

	PushController(Vapid vapid, PushSubscriptions subscriptions, PushRequestReader reader, RoomRegistry rooms,
			PushRooms pushRooms, ChatProperties properties) {
		this.vapid = vapid;
		this.subscriptions = subscriptions;
		this.reader = reader;
		this.rooms = rooms;
		this.pushRooms = pushRooms;
		this.maxPerAddress = properties.push().maxPerAddress();
		this.showingLease = properties.push().showingLease();
	}

	@GetMapping("/api/push/key")
	@Operation(summary = "The gateway's VAPID public key",
			description = "The applicationServerKey for PushManager.subscribe: base64url of the uncompressed P-256 "
					+ "point, the same on every instance.")
	PushRequest.Key key() {
		return new PushRequest.Key(this.vapid.publicKey());
	}

	@PostMapping("/api/push/subscriptions")
	@Operation(summary = "Register a push subscription",
			description = "The browser's subscription, the name to notify (signed in: the session's) and rooms with "
					+ "notify all or mentions. The same endpoint registered again replaces the earlier registration.")
	ResponseEntity<PushRequest.Created> register(@RequestBody PushRequest request, @Nullable Principal principal,
			HttpServletRequest http) {
		String name = this.reader.name(request, principal);
		PushSubscriptions.Subscriber subscriber = this.reader.subscriber(request.subscription());
		List<PushSubscriptions.PushRoom> rooms = this.reader.rooms(request.rooms(), name);
		String address = http.getRemoteAddr();
		if (this.subscriptions.countFrom(address, subscriber.endpoint()) >= this.maxPerAddress) {
			throw PushProblems.tooMany(this.maxPerAddress);
		}
		String id = this.subscriptions.register(subscriber, name, address, rooms);
		this.pushRooms.added(rooms);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(new PushRequest.Created(id));
	}

	@PutMapping("/api/push/subscriptions/{id}")
	@Operation(summary = "Change a push subscription's rooms",
			description = "The same body as the registration; only rooms is required: subscription, when given, "
					+ "replaces the endpoint and keys (a renewed browser subscription), username the name (open mode).")
	ResponseEntity<Void> update(@PathVariable String id, @RequestBody PushRequest request,
			@Nullable Principal principal) {
		String name = this.reader.nameIfGiven(request, principal);
		PushSubscriptions.Subscriber subscriber = (request.subscription() != null)
				? this.reader.subscriber(request.subscription()) : null;
		List<PushSubscriptions.PushRoom> rooms = this.reader.rooms(request.rooms(), name);
		if (!this.subscriptions.update(id, subscriber, name, rooms)) {
			throw PushProblems.unknownSubscription();
		}
		this.pushRooms.added(rooms);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/push/subscriptions/{id}")
	@Operation(summary = "End a push subscription", description = "No pushes from now on; the id answers 404.")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.subscriptions.delete(id)) {
			throw PushProblems.unknownSubscription();
		}
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/push/subscriptions/{id}/showing")
	@Operation(summary = "Say which room the device's page shows",
			description = "No pushes for that room to this subscription for the lease (90 s by default), which the "
					+ "page renews while the room is visible; roomId null ends it at once.")
	ResponseEntity<Void> showing(@PathVariable String id, @RequestBody PushRequest.Showing request) {
		String roomId = request.roomId();
		if (roomId != null && !this.rooms.isWellFormed(roomId)) {
			throw PushProblems.invalid("roomId must be a room's id, or null when the page shows none");
		}
		if (!this.subscriptions.showing(id, roomId, Instant.now().plus(this.showingLease))) {
			throw PushProblems.unknownSubscription();
		}
		return ResponseEntity.noContent().build();
	}

}
