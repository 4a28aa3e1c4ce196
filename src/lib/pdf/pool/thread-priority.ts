import os from "os"

/** The highest nice value (the lowest priority) Linux allows. */
const MAX_NICE = 19

/**
 * Lowers the CPU priority of the calling thread by `increment` nice steps (capped at 19), and
 * returns its nice value afterwards, or null when nothing was changed.
 *
 * On Linux a nice value belongs to a thread, and `os.setPriority(n)` without a pid is
 * setpriority(PRIO_PROCESS, 0, n), which changes the calling thread only: run in a PDF worker
 * thread, the event loop and the rest of the process keep their priority. Elsewhere (macOS, the
 * BSDs, Windows) the same call changes the whole process, so it is not made there. Raising a nice
 * value needs no privilege; a failure leaves the thread as it was (rendering still works).
 */
export function lowerThreadPriority(increment: number, platform: NodeJS.Platform = process.platform): number | null {
  if (platform !== "linux" || !(increment > 0)) {
    return null
  }
  try {
    const current = os.getPriority()
    const target = Math.min(MAX_NICE, current + increment)
    if (target === current) {
      return null
    }
    os.setPriority(target)
    return os.getPriority()
  } catch {
    return null
  }
}
