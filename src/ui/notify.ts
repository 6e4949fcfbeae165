import { notifications } from "@mantine/notifications";
import i18next from "i18next";

function closeLabel() {
  return { "aria-label": i18next.t("ui.close") };
}

/** A short success toast (the shell mounts <Notifications/>). */
export function notifySuccess(message: string, title?: string) {
  notifications.show({ color: "green", title, message, autoClose: 5000, closeButtonProps: closeLabel() });
}

export function notifyInfo(message: string, title?: string) {
  notifications.show({ color: "zona", title, message, autoClose: 6000, closeButtonProps: closeLabel() });
}
