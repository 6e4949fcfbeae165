// @vitest-environment jsdom
import "../test/setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { channels, itemDetail } from "../test/fixtures";
import { envelope, renderMedia } from "../test/harness";

const base = {
  "GET /api/media/channels": { body: { items: channels } },
  "GET /api/media/assignees": { body: { items: [{ id: "u-media", name: "Petugas Media" }] } },
};

describe("content item page", () => {
  it("lets an approver approve a submitted item, sending the item's version", async () => {
    const user = userEvent.setup();
    let current = itemDetail();
    const { calls } = renderMedia(
      "/media/konten/item-1",
      {
        ...base,
        "GET /api/media/items/item-1": () => ({ body: current }),
        "POST /api/media/items/item-1/transitions": () => {
          current = itemDetail({ status: "approved", commands: ["publish"], version: 5 });
          return { body: current };
        },
      },
      { permissions: ["media.read", "media.plan", "media.approve"] },
    );
    expect(
      await screen.findByRole("heading", { name: "Pelantikan agen perubahan", level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByText("Diajukan", { selector: ".mantine-Badge-label" })).toBeInTheDocument();
    // Content is read-only once submitted.
    expect(screen.queryByLabelText(/Judul/)).not.toBeInTheDocument();
    expect(await screen.findByText("Instagram KPKNL Bekasi (Instagram)")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Setujui" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ command: "approve", version: 4 });
    expect(await screen.findByRole("button", { name: "Catat publikasi" })).toBeInTheDocument();
  });

  it("explains why the author cannot approve their own item", async () => {
    renderMedia(
      "/media/konten/item-1",
      { ...base, "GET /api/media/items/item-1": { body: itemDetail({ commands: ["withdraw"] }) } },
      { permissions: ["media.read", "media.plan", "media.approve"] },
    );
    expect(await screen.findByText(/tidak dapat menyetujuinya sendiri/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Setujui" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Tarik kembali" })).toBeInTheDocument();
  });

  it("asks for a reason before rejecting", async () => {
    const user = userEvent.setup();
    let current = itemDetail();
    const { calls } = renderMedia(
      "/media/konten/item-1",
      {
        ...base,
        "GET /api/media/items/item-1": () => ({ body: current }),
        "POST /api/media/items/item-1/transitions": () => {
          current = itemDetail({
            status: "rejected",
            rejectReason: "Foto buram",
            commands: ["revise"],
            version: 5,
          });
          return { body: current };
        },
      },
      { permissions: ["media.read", "media.approve"] },
    );
    await user.click(await screen.findByRole("button", { name: "Tolak" }));
    const dialog = await screen.findByRole("dialog", { name: "Tolak konten" });
    const confirm = within(dialog).getByRole("button", { name: "Tolak" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Alasan penolakan/), "Foto buram");
    await user.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      command: "reject",
      version: 4,
      reason: "Foto buram",
    });
    expect(await screen.findByText("Ditolak: Foto buram")).toBeInTheDocument();
  });

  it("records a publication per channel and shows the server's refusal of a bad link", async () => {
    const user = userEvent.setup();
    const approved = itemDetail({ status: "approved", commands: ["publish"], channelIds: ["ig", "yt"] });
    const { calls } = renderMedia(
      "/media/konten/item-1",
      {
        ...base,
        "GET /api/media/items/item-1": { body: approved },
        "POST /api/media/items/item-1/transitions": {
          status: 400,
          body: envelope(
            "MEDIA_URL_INVALID",
            "Tautan publikasi 'instagram.com/p/1' tidak sah: gunakan alamat lengkap yang diawali https:// atau http://.",
          ),
        },
      },
      { permissions: ["media.read", "media.plan"] },
    );
    await user.click(await screen.findByRole("button", { name: "Catat publikasi" }));
    const dialog = await screen.findByRole("dialog", { name: "Catat publikasi" });
    await user.type(
      within(dialog).getByLabelText("Tautan unggahan (Instagram KPKNL Bekasi (Instagram))"),
      "instagram.com/p/1",
    );
    const date = within(dialog).getByLabelText("Tanggal terbit (Instagram KPKNL Bekasi (Instagram))");
    await user.clear(date);
    await user.type(date, "2026-11-26");
    await user.click(within(dialog).getByRole("button", { name: "Catat publikasi" }));
    expect(await within(dialog).findByText(/tidak sah: gunakan alamat lengkap/)).toBeInTheDocument();
    // Only the channel with a link is sent.
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      command: "publish",
      version: 4,
      publications: [{ channelId: "ig", url: "instagram.com/p/1", publishedOn: "2026-11-26" }],
    });
  });

  it("enters reach figures on a published item and links it as LKE evidence", async () => {
    const user = userEvent.setup();
    const published = itemDetail({
      status: "published",
      commands: [],
      publications: [
        {
          id: "pub-1",
          channelId: "ig",
          url: "https://www.instagram.com/p/agen1",
          publishedOn: "2026-11-26",
          reach: { views: 0, likes: 0, comments: 0, shares: 0 },
          reachUpdatedAt: null,
        },
      ],
      evidenceKeys: ["pemenuhan.mp.rencana-zi.c"],
    });
    const { calls } = renderMedia(
      "/media/konten/item-1",
      {
        ...base,
        "GET /api/media/items/item-1": { body: published },
        "PUT /api/media/publications/pub-1/reach": {
          body: { ...published.publications[0], reach: { views: 1500, likes: 120, comments: 0, shares: 0 } },
        },
        "GET /api/zi/rubrics/permenpanrb-90-2021": {
          body: {
            components: [
              {
                areas: [
                  {
                    questions: [
                      {
                        key: "pemenuhan.mp.rencana-zi.c",
                        text: "Terdapat mekanisme atau media untuk mensosialisasikan pembangunan WBK/WBBM",
                        answerType: "abc",
                      },
                      {
                        key: "pemenuhan.pp.budaya-pelayanan-prima.b",
                        text: "Informasi tentang pelayanan mudah diakses melalui berbagai media",
                        answerType: "abc",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
        "POST /api/media/items/item-1/evidence": {
          body: { questionKeys: ["pemenuhan.mp.rencana-zi.c", "pemenuhan.pp.budaya-pelayanan-prima.b"] },
        },
      },
      { permissions: ["media.read", "media.plan", "zi.worksheet.write"] },
    );
    const views = await screen.findByLabelText("Tayangan (Instagram KPKNL Bekasi (Instagram))");
    await user.clear(views);
    await user.type(views, "1500");
    const likes = screen.getByLabelText("Suka (Instagram KPKNL Bekasi (Instagram))");
    await user.clear(likes);
    await user.type(likes, "120");
    await user.click(screen.getByRole("button", { name: "Simpan jangkauan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({
      views: 1500,
      likes: 120,
      comments: 0,
      shares: 0,
    });

    expect(screen.getByText("pemenuhan.mp.rencana-zi.c")).toBeInTheDocument();
    await user.click(screen.getAllByLabelText("Pertanyaan LKE").find((el) => el.tagName === "INPUT")!);
    await user.click(
      await screen.findByRole("option", { name: /Informasi tentang pelayanan mudah diakses/ }),
    );
    await user.click(screen.getByRole("button", { name: "Tautkan" }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/evidence"))).toBe(true));
    expect(calls.find((c) => c.path.endsWith("/evidence"))!.body).toEqual({
      questionKeys: ["pemenuhan.pp.budaya-pelayanan-prima.b"],
    });
  });

  it("adds the link of a channel posted later", async () => {
    const user = userEvent.setup();
    const published = itemDetail({
      status: "published",
      commands: [],
      channelIds: ["ig", "yt"],
      publications: [
        {
          id: "pub-1",
          channelId: "ig",
          url: "https://www.instagram.com/p/agen1",
          publishedOn: "2026-11-26",
          reach: { views: 10, likes: 1, comments: 0, shares: 0 },
          reachUpdatedAt: null,
        },
      ],
    });
    const { calls } = renderMedia(
      "/media/konten/item-1",
      {
        ...base,
        "GET /api/media/items/item-1": { body: published },
        "POST /api/media/items/item-1/publications": { body: published },
      },
      { permissions: ["media.read", "media.plan"] },
    );
    const url = await screen.findByLabelText("Tautan unggahan (YouTube KPKNL Bekasi (YouTube))");
    await user.type(url, "https://www.youtube.com/watch?v=a1");
    const date = screen.getByLabelText("Tanggal terbit (YouTube KPKNL Bekasi (YouTube))");
    await user.clear(date);
    await user.type(date, "2026-11-27");
    await user.click(screen.getByRole("button", { name: "Tambah tautan kanal lain" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      channelId: "yt",
      url: "https://www.youtube.com/watch?v=a1",
      publishedOn: "2026-11-27",
    });
  });

  it("edits a draft with its version and the changed fields", async () => {
    const user = userEvent.setup();
    const draft = itemDetail({ status: "draft", commands: ["submit"], editable: true, submittedBy: null });
    const { calls } = renderMedia(
      "/media/konten/item-1",
      {
        ...base,
        "GET /api/media/items/item-1": { body: draft },
        "PATCH /api/media/items/item-1": { body: { ...draft, title: "Judul baru", version: 5 } },
      },
      { permissions: ["media.read", "media.plan"] },
    );
    const title = await screen.findByLabelText(/Judul/);
    await user.clear(title);
    await user.type(title, "Judul baru");
    await user.click(screen.getByRole("button", { name: "Simpan" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")!.body).toMatchObject({
      version: 4,
      title: "Judul baru",
      channelIds: ["ig"],
    });
  });
});
