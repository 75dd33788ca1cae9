/* The public half of a key made once for the fuzz corpus (tests/fuzz/corpus/
 * fit-connect was signed with it; the private half was not kept). */
#define BK_FUZZ_SIGNER_JWK \
  "{\"kty\": \"RSA\", \"kid\": \"fuzz-signer-1\", \"alg\": \"PS512\", \"key_ops\": [\"verify\"], \"n\": \"tRTkYLZuaCmavs0V8ZGR55y-wORMlC-Rncd9j0TeyfLN5iUpO5mcV0BE0Suqa9k4fB8WN0EybmvkpX7LGr5O-KdaI-DFYqkCw4II6SWkjFLHC-vB5t45ITDdROR1PPpW404sKIBDJTAagjpvUMP5yfZ4DUgDKoausO_3f5AkclrMoIZvXFv_E8XhFNeWhj6PtkeqsE-soEOgFjtqpGkydc6j7OrPPwrm79m0B0ntv9iHUufIbL-eFLxzkWpAQQjXTPhN2gC1GSmMkuV_PF7B8RSwlonHXuzZrWmos0y7MY8AV_FAZ_aTvL2L6piboT0fKBpscxEPqPQQeoZCugqOHw\", \"e\": \"AQAB\"}"
