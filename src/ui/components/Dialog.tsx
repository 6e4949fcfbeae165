import { Modal, type ModalRootProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface DialogProps extends Omit<ModalRootProps, "title" | "children"> {
  title: ReactNode;
  children: ReactNode;
}

/**
 * Mantine's Modal with two accessibility fixes: the close button has a translated name, and the header
 * is a plain div (a `<header>` inside role="dialog" counts as a second banner landmark for axe).
 */
export function Dialog({ title, children, ...root }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal.Root {...root}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: "div" } as object)}>
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t("ui.close")} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
