/** Only photos stored by the server may appear; the server's allow-list says the same. */
export const FILE_SRC = /^\/api\/files\/[0-9a-f]{64}$/;
