// Wires sign-in for app.js (oidc mode; in open mode /api/me says so and nothing here shows): who is signed in, the
// members panel, "Your rooms", moderation, and the "Only members" choice.

import { authOf, endedText, signInNeeded } from "./auth.js";
import { MembersPanel } from "../room-list/members-panel.js";
import { moderates } from "../actions/moderation.js";
import { ModerationView } from "../actions/moderation-view.js";
import { MyRooms } from "../room-list/my-rooms.js";
import { wireAccessChoice } from "../room-list/room-access.js";
import { SignInView } from "./sign-in-view.js";

/**
 * {@code identity}: the Identity, whose auth start() sets. {@code me()}: the reader's name. {@code send(body,
 * options)}: an action's SEND to the open room. {@code openRoom(id)}: open a room. {@code currentRoomId()}: the
 * open room's id. {@code pane()}: the RoomsPane. {@code onRole()}: the reader's role in the open room changed.
 * {@code leaveRoom(roomId)}: the reader is no longer in that room (removed, or left a members room): leave it if open.
 * {@code ended()}: why the connection ended for good, or null (Connection's ended). {@code lock(reason)}: closes the
 * message box.
 */
export function wireSignIn({
  api, identity, list, me, send, openRoom, currentRoomId, pane, onRole, leaveRoom, ended, lock,
}) {
  const onOut = (roomId, text) => {
    leaveRoom(roomId);
    document.getElementById("start-note").textContent = text;
    myRooms.load();
  };
  const signIn = new SignInView({ api, storage: sessionStorage });
  const myRooms = new MyRooms({ api, currentRoomId, onOpen: openRoom });
  const members = new MembersPanel({
    api, me, onRole,
    onLeft: (room) => (room.access === "members" ? onOut(room.id, "You left this room.") : members.refresh()),
  });
  const moderation = new ModerationView({
    list, me, send,
    moderates: () => moderates(members.role),
    onRemoved: (roomId) => onOut(roomId ?? currentRoomId(), "You were removed from this room."),
  });
  wireAccessChoice();
  return {
    members, moderation,

    /** A room opens: its members and the reader's role there, no mute known yet; closed if signed out. */
    enter(room) {
      members.enter(room);
      myRooms.entered(room);
      moderation.reset();
      if (ended()) {
        lock(endedText(ended()));
      }
    },

    leave() {
      members.leave();
      moderation.reset();
    },

    /** The connection ended for good ({@code why}: Connection's ended): the page says so and takes nothing more. */
    ended(why) {
      signIn.ended(why);
      lock(endedText(why));
    },

    /**
     * Asks who is signed in (GET /api/me) and shows it, then starts the rooms pane with the room {@code roomId()}
     * names (the page's address). Where only the signed-in may chat, a room link waits until the reader signed in:
     * the provider then sends them to the start page, and the page reopens the room they left for it.
     */
    async start(roomId) {
      const auth = authOf(await api.me());
      identity.auth = auth;
      signIn.show(auth);
      members.enable(auth.signedIn);
      if (auth.signedIn) {
        myRooms.load();
      }
      const back = auth.signedIn ? signIn.returnPath() : null;
      if (back) {
        history.replaceState({}, "", back);
      }
      pane().start(signInNeeded(auth) ? null : roomId());
    },
  };
}
