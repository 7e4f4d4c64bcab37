// The space a message's picture takes, known from its width and height before it loads.

/** The largest thumbnail side, in CSS pixels (chat.css scales a thumbnail down further in a narrow column). */
export const THUMBNAIL_MAX = 240;

/**
 * The thumbnail size of a {@code width} x {@code height} picture: scaled down to fit THUMBNAIL_MAX, never up; null
 * when the size is unknown.
 */
export function thumbnailSize(width, height, max = THUMBNAIL_MAX) {
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) {
    return null;
  }
  const scale = Math.min(1, max / width, max / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
