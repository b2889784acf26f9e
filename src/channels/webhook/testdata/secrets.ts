/** Fixed test keys: whsec_ + base64 of 32 bytes (not secret, never used outside tests). */
export const NEW_SECRET = `whsec_${Buffer.alloc(32, 0x4e).toString('base64')}`;
export const OLD_SECRET = `whsec_${Buffer.alloc(32, 0x4f).toString('base64')}`;
export const HUB_SECRET = 'hub-secret-for-tests-0123456789';
export const TOKEN = 'tok_3f9a8c1d2e7b6a5f4c3d2e1f';
