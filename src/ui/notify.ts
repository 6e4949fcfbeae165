import { notifications } from "@mantine/notifications";

/** A short success toast (the shell mounts <Notifications/>). */
export function notifySuccess(message: string, title?: string) {
  notifications.show({ color: "green", title, message, autoClose: 5000 });
}

export function notifyInfo(message: string, title?: string) {
  notifications.show({ color: "zona", title, message, autoClose: 6000 });
}
