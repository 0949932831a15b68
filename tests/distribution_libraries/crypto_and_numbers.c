/* Debian's OpenSSL (libcrypto) and GMP: digests, an HMAC, PBKDF2 and
 * AES-256-GCM on fixed inputs; RSA keys generated, used to sign and checked
 * by two threads at once (from the kernel's random numbers, so only the
 * verdicts are printed); and GMP's big integers and floats, printed with its
 * own printf. The output must be the same built against glibc and linked
 * with lwp alone. */
#include <gmp.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void print_hex(const char* label, const unsigned char* bytes, size_t length) {
    printf("%s ", label);
    for (size_t i = 0; i < length; ++i) printf("%02x", bytes[i]);
    printf("\n");
}

static void digests(void) {
    static const char message[] = "threads on raw clone, for Linux x86_64";
    const char* names[] = {"SHA256", "SHA512", "SHA3-256", "BLAKE2b512", "MD5"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned length = 0;
        EVP_MD* md = EVP_MD_fetch(NULL, names[i], NULL);
        if (!md || !EVP_Digest(message, strlen(message), digest, &length, md, NULL)) {
            printf("%s failed\n", names[i]);
        } else {
            print_hex(names[i], digest, length);
        }
        EVP_MD_free(md);
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned mac_length = 0;
    HMAC(EVP_sha256(), "key", 3, (const unsigned char*)message, strlen(message), mac, &mac_length);
    print_hex("HMAC-SHA256", mac, mac_length);
    unsigned char derived[32];
    PKCS5_PBKDF2_HMAC("password", 8, (const unsigned char*)"salt", 4, 10000, EVP_sha256(),
                      sizeof derived, derived);
    print_hex("PBKDF2", derived, sizeof derived);
}

static void authenticated_encryption(void) {
    unsigned char key[32], iv[12], tag[16], sealed[64], opened[64];
    for (int i = 0; i < 32; ++i) key[i] = (unsigned char)(i * 7);
    for (int i = 0; i < 12; ++i) iv[i] = (unsigned char)(100 + i);
    static const char plain[] = "the same bytes with lwp and glibc";
    int length = 0, final = 0;
    EVP_CIPHER_CTX* context = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), NULL, key, iv);
    EVP_EncryptUpdate(context, sealed, &length, (const unsigned char*)plain, (int)strlen(plain));
    EVP_EncryptFinal_ex(context, sealed + length, &final);
    EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, 16, tag);
    int sealed_length = length + final;
    print_hex("AES-256-GCM", sealed, (size_t)sealed_length);
    print_hex("tag", tag, sizeof tag);

    EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), NULL, key, iv);
    EVP_DecryptUpdate(context, opened, &length, sealed, sealed_length);
    EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, 16, tag);
    int authentic = EVP_DecryptFinal_ex(context, opened + length, &final) > 0;
    printf("opened: %s, \"%.*s\"\n", authentic ? "authentic" : "FORGED", length, opened);
    tag[0] ^= 1;  /* a tampered tag must be refused */
    EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), NULL, key, iv);
    EVP_DecryptUpdate(context, opened, &length, sealed, sealed_length);
    EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, 16, tag);
    printf("tampered tag refused: %s\n", EVP_DecryptFinal_ex(context, opened, &final) <= 0 ? "yes" : "NO");
    EVP_CIPHER_CTX_free(context);
}

static int signature_verdicts[2];

static void* sign_and_verify(void* argument) {
    long index = (long)argument;
    EVP_PKEY* key = EVP_RSA_gen(2048);
    if (!key) return NULL;
    static const unsigned char message[] = "signed by a thread";
    unsigned char signature[512];
    size_t signature_length = sizeof signature;
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    int ok = EVP_DigestSignInit(context, NULL, EVP_sha256(), NULL, key) > 0 &&
             EVP_DigestSign(context, signature, &signature_length, message, sizeof message) > 0;
    EVP_MD_CTX_reset(context);
    ok = ok && EVP_DigestVerifyInit(context, NULL, EVP_sha256(), NULL, key) > 0 &&
         EVP_DigestVerify(context, signature, signature_length, message, sizeof message) > 0;
    signature[10] ^= 0x40;
    EVP_MD_CTX_reset(context);
    int forged_refused = EVP_DigestVerifyInit(context, NULL, EVP_sha256(), NULL, key) > 0 &&
                         EVP_DigestVerify(context, signature, signature_length, message,
                                          sizeof message) <= 0;
    signature_verdicts[index] = ok && forged_refused && signature_length == 256;
    EVP_MD_CTX_free(context);
    EVP_PKEY_free(key);
    return NULL;
}

static void big_numbers(void) {
    mpz_t factorial, prime;
    mpz_init(factorial);
    mpz_fac_ui(factorial, 1000);
    printf("1000! has %zu digits, mod 1000000007 = %lu\n", mpz_sizeinbase(factorial, 10),
           mpz_fdiv_ui(factorial, 1000000007));
    mpz_init_set_str(prime, "170141183460469231731687303715884105727", 10);  /* 2^127 - 1 */
    gmp_printf("%Zd is %s\n", prime, mpz_probab_prime_p(prime, 30) ? "prime" : "composite");
    mpz_add_ui(prime, prime, 2);
    gmp_printf("%Zx is %s\n", prime, mpz_probab_prime_p(prime, 30) ? "prime" : "composite");
    mpf_set_default_prec(512);
    mpf_t root;
    mpf_init(root);
    mpf_sqrt_ui(root, 2);
    gmp_printf("sqrt(2) = %.60Ff\n", root);
    mpf_clear(root);
    mpz_clear(prime);
    mpz_clear(factorial);
}

int main(void) {
    printf("%s\n", OpenSSL_version(OPENSSL_VERSION));
    digests();
    authenticated_encryption();
    unsigned char random_bytes[32];
    printf("RAND_bytes: %s\n", RAND_bytes(random_bytes, sizeof random_bytes) == 1 ? "ok" : "FAILED");
    pthread_t threads[2];
    for (long i = 0; i < 2; ++i) pthread_create(&threads[i], NULL, sign_and_verify, (void*)i);
    for (int i = 0; i < 2; ++i) pthread_join(threads[i], NULL);
    printf("RSA-2048 in two threads: %s %s\n", signature_verdicts[0] ? "verified" : "FAILED",
           signature_verdicts[1] ? "verified" : "FAILED");
    big_numbers();
    printf("gmp %s\n", gmp_version);
    return signature_verdicts[0] && signature_verdicts[1] ? 0 : 1;
}
