// The create form's "Only members" choice (#room-members, oidc mode when signed in): a members room is never
// listed, so Public is off and disabled while it is chosen.

const $ = (id) => document.getElementById(id);

export function wireAccessChoice() {
  const members = $("room-members");
  const listed = $("room-public");
  members.addEventListener("change", () => {
    listed.disabled = members.checked;
    if (members.checked) {
      listed.checked = false;
    }
  });
}

/** The access of the room to create: "members" when chosen (and offered), else "link", the server's default. */
export function accessChoice() {
  const members = $("room-members");
  return members.checked && !members.closest("[hidden]") ? "members" : "link";
}

/** After a room was created: the next one is a link room unless the reader chooses again. */
export function resetAccessChoice() {
  $("room-members").checked = false;
  $("room-public").disabled = false;
}
