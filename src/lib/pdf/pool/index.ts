export * from "./options"
export * from "./pool"
export * from "./renderer"
export type { PdfRenderReply, PdfRenderTask } from "./task"
