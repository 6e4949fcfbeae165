/** Wire schemas and names shared by the server and the web of the service-requests module (ALASCA). */
export const SR_PERMISSIONS = {
  read: "requests.read",
  handle: "requests.handle",
  configure: "requests.configure",
} as const;
