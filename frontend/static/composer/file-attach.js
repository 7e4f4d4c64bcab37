// What the "Attach" control, a paste or a drop hands over: a picture (shown in the conversation) or any other file
// (shown as a chip that downloads it), and why one cannot go.

/** The picture types the server shows as pictures; it reads the real type from the bytes. */
export const PICTURE_TYPES = Object.freeze(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * "picture" or "file" for {@code file}; a file only where the server takes files ({@code maxFileBytes} above 0),
 * otherwise everything goes as a picture and the server's check says what is not one.
 */
export function kindOf(file, { maxFileBytes = 0 } = {}) {
  return PICTURE_TYPES.includes(file.type) || !(maxFileBytes > 0) ? "picture" : "file";
}

/** Why {@code file} cannot be sent, or null: a picture of no type shown, or larger than its limit. */
export function attachmentProblem(file, { maxBytes, maxText, maxFileBytes = 0, maxFileText }) {
  const name = file.name || "That file";
  if (kindOf(file, { maxFileBytes }) === "file") {
    return file.size > maxFileBytes
      ? `${name} is too large: ${(file.size / 1048576).toFixed(1)} MB, the limit for a file is ${maxFileText}.`
      : null;
  }
  if (!PICTURE_TYPES.includes(file.type)) {
    return `${name} is not a PNG, JPEG, GIF or WebP picture.`;
  }
  if (file.size > maxBytes) {
    return `${name} is too large: ${(file.size / 1048576).toFixed(1)} MB, the limit is ${maxText}.`;
  }
  return null;
}
