// A room's STOMP destinations (its messages, presence, typing and read markers) and the subscriptions to them.

/**
 * Where the page subscribes for {@code room} (as GET /api/rooms/{id} answers it), by what arrives there: its
 * messages, who is here, who is typing, how far each reader has read (docs/api.md).
 */
export function roomTopics(room) {
  return {
    message: room.destination,
    presence: `${room.destination}/presence`,
    typing: `${room.destination}/typing`,
    read: `${room.destination}/read`,
  };
}

/** The Connection callback that gets each topic's frames, with the parsed body. */
export const ROOM_CALLBACKS = Object.freeze({
  message: "onMessage", presence: "onPresence", typing: "onTyping", read: "onRead",
});

/** Where the page says that the reader is typing ({@code {}}) and how far they have read ({@code {seq}}). */
export function roomSignals(room) {
  return {
    typing: `${room.sendDestination}/typing`,
    read: `${room.sendDestination}/read`,
  };
}

/** A frame's JSON body, or null. */
export function parseBody(body) {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/**
 * Subscribes stompjs {@code client} to every topic of {@code room}; each frame's parsed body goes to
 * {@code route(kind, body)}, kind as in roomTopics. Returns the handle that unsubscribes them all.
 */
export function subscribeRoom(client, room, route) {
  const subscriptions = Object.entries(roomTopics(room)).map(([kind, destination]) =>
    client.subscribe(destination, (frame) => {
      const body = parseBody(frame.body);
      if (body) {
        route(kind, body);
      }
    }));
  return {
    unsubscribe() {
      for (const subscription of subscriptions) {
        try {
          subscription.unsubscribe();
        } catch {
          // The socket closed under it: the server forgets a closed session's subscriptions anyway.
        }
      }
    },
  };
}
