import { isUnsafeText } from "./safe-text";

/** Why a client-supplied filename is refused, or null if it is acceptable as a display name. */
export function filenameProblem(name: string): string | null {
  if (name.length === 0) return "The file has no name";
  if (name.length > 255) return "The filename is longer than 255 characters";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "The filename contains control characters";
  if (isUnsafeText(name)) return "The filename contains an unpaired UTF-16 surrogate";
  if (/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/.test(name))
    return "The filename contains text-direction override characters";
  if (/[\\/]/.test(name) || name.includes("..")) return "The filename contains a path (/, \\ or ..)";
  if (/^\.+$/.test(name.trim())) return "The filename is not a real name";
  return null;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}
