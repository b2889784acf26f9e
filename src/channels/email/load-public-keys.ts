import { readFile } from 'node:fs/promises';
import { readKey } from 'openpgp';
import type { PublicKey } from 'openpgp';

export type KeyLoad = { kind: 'keys'; keys: Map<string, PublicKey> } | { kind: 'error'; message: string };

const ARMOR = '-----BEGIN PGP ';

/**
 * Each recipient's public key, from the armored text in the config or the file it names, checked
 * to be usable for encryption now (not expired, not revoked, has an encryption subkey). A private
 * key is refused: it does not belong in a config file, and we only ever need the public half.
 */
export async function loadPublicKeys(
  configured: Record<string, string>,
  recipients: string[],
  now: Date,
): Promise<KeyLoad> {
  const byAddress = new Map(Object.entries(configured).map(([address, key]) => [address.toLowerCase(), key]));
  const keys = new Map<string, PublicKey>();
  for (const recipient of recipients) {
    const source = byAddress.get(recipient.toLowerCase());
    if (source === undefined) return { kind: 'error', message: `no OpenPGP key configured for ${recipient}` };
    const loaded = await loadKey(source, recipient, now);
    if (typeof loaded === 'string') return { kind: 'error', message: loaded };
    keys.set(recipient, loaded);
  }
  return { kind: 'keys', keys };
}

async function loadKey(source: string, recipient: string, now: Date): Promise<PublicKey | string> {
  const where = source.startsWith(ARMOR) ? 'the armored key in pgp_public_keys' : `key file ${source}`;
  let armoredKey = source;
  if (!source.startsWith(ARMOR)) {
    try {
      armoredKey = await readFile(source, 'utf8');
    } catch (error) {
      return `cannot read ${where} for ${recipient} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }
  let key;
  try {
    key = await readKey({ armoredKey });
  } catch {
    return `${where} for ${recipient} is not an armored OpenPGP public key`;
  }
  if (key.isPrivate()) return `${where} for ${recipient} is a private key; configure the public key only`;
  try {
    await key.getEncryptionKey(undefined, now);
  } catch {
    return `${where} for ${recipient} (${key.getFingerprint()}) has no valid encryption key (expired or revoked?)`;
  }
  return key;
}
