/** Styles of the public pages, inline and small (no UI library on the public form). */
export const PUBLIC_CSS = `
.svy{max-width:40rem;margin:0 auto;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
.svy h1{font-size:1.4rem;margin:.25rem 0}.svy h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
.svy fieldset{border:1px solid #ccd;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
.svy legend{font-weight:600;padding:0 .25rem}
.svy .opts{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin-top:.5rem}
.svy .opts label{display:flex;gap:.5rem;align-items:center;border:1px solid #ccd;border-radius:.5rem;padding:.6rem;min-height:44px;cursor:pointer}
.svy .opts input{width:1.2rem;height:1.2rem}
.svy label.f{display:block;font-weight:600;margin:.75rem 0 .25rem}
.svy select,.svy textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #889;border-radius:.4rem;min-height:44px;box-sizing:border-box}
.svy button{font:inherit;font-weight:600;background:#0b3d91;color:#fff;border:0;border-radius:.5rem;padding:.8rem 1.2rem;min-height:44px;cursor:pointer}
.svy button.link{background:none;color:#0b3d91;text-decoration:underline;padding:.25rem;min-height:0}
.svy .muted{color:#4a4a55}.svy .alert{border-left:4px solid #c92a2a;background:#fff5f5;padding:.75rem;margin:1rem 0}
.svy .ok{border-left:4px solid #2b8a3e;background:#ebfbee;padding:.75rem;margin:1rem 0}
.svy table{border-collapse:collapse;width:100%}.svy th,.svy td{border-bottom:1px solid #dde;padding:.4rem;text-align:left}
.svy a{color:#0b3d91}
@media (min-width:40rem){.svy .opts{grid-template-columns:repeat(4,1fr)}}
`;
