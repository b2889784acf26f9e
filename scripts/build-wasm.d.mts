// Types of build-wasm.mjs, for match-bytes-wasm.test.ts.
export declare const SOURCE: string;
export declare const TARGET: string;
export declare function assembleMatchBytes(): Promise<Uint8Array>;
export declare function generatedModule(bytes: Uint8Array): string;
