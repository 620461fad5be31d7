package uk.xborder.gateway.testsupport;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.CmsEncryptor;
import uk.xborder.gateway.crypto.CmsSigner;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.envelope.EnvelopeHeader;
import uk.xborder.gateway.envelope.EnvelopeWriter;

/**
 * Transport envelopes as a partner's gateway would send them to ours, made with the example PKI: the content signed
 * with a partner's key, encrypted for our gateway's certificate, wrapped with a clear header. Every part can be set
 * otherwise, so that a test can make exactly one thing wrong.
 */
public final class PartnerEnvelopes {

    private static final Pattern EUROPOL_ID = Pattern.compile("<MessageReference>([^<]*)</MessageReference>");
    private static final Pattern UK_AGENCY_ID = Pattern.compile("<LogReference>([^<]*)</LogReference>");

    private String from = "europol";
    private String to = "police-scotland";
    private String contentFormat = "europol-ie-1";
    private String messageId;
    private String headerMessageId;
    private Instant sentAt;
    private byte[] content;
    private SigningIdentity signer;
    private boolean signed = true;
    private boolean alterSignedContent;
    private X509Certificate recipient;

    private PartnerEnvelopes() {
    }

    /** Europol's hit notification for Police Scotland and the NCA, with a fresh message id, signed by Europol. */
    public static PartnerEnvelopes europolHit() throws Exception {
        PartnerEnvelopes envelope = new PartnerEnvelopes();
        envelope.messageId = Examples.uniqueId("EUROPOL-HIT");
        envelope.content = replace(Examples.read("europol/valid/europol-hit-basic-protection.xml"), EUROPOL_ID,
                envelope.messageId);
        envelope.signer = identity("europol");
        return envelope;
    }

    /** The NCA's intelligence log for Police Scotland and Europol, with a fresh id, sent by the NCA as a partner. */
    public static PartnerEnvelopes ncaLog() throws Exception {
        PartnerEnvelopes envelope = new PartnerEnvelopes();
        envelope.from = "nca";
        envelope.contentFormat = "uk-agency-5x5x5-1";
        envelope.messageId = Examples.uniqueId("NCA-IL");
        envelope.content = replace(Examples.read("uk-agency/valid/nca-log-firearms-police-scotland-europol.xml"),
                UK_AGENCY_ID, envelope.messageId);
        envelope.signer = identity("nca");
        return envelope;
    }

    /** The content with the first match of group 1 of the pattern replaced, before it is signed. */
    public PartnerEnvelopes editContent(String regex, String value) {
        this.content = replace(new String(content, StandardCharsets.UTF_8), Pattern.compile(regex, Pattern.DOTALL),
                value);
        return this;
    }

    /** The content's message id (also the header's, unless set otherwise). */
    public String messageId() {
        return messageId;
    }

    public String headerMessageId() {
        return headerMessageId != null ? headerMessageId : messageId;
    }

    public String from() {
        return from;
    }

    public PartnerEnvelopes from(String party) {
        this.from = party;
        return this;
    }

    public PartnerEnvelopes to(String party) {
        this.to = party;
        return this;
    }

    public PartnerEnvelopes contentFormat(String format) {
        this.contentFormat = format;
        return this;
    }

    /** A header message id other than the signed content's. */
    public PartnerEnvelopes headerMessageId(String id) {
        this.headerMessageId = id;
        return this;
    }

    public PartnerEnvelopes sentAt(Instant when) {
        this.sentAt = when;
        return this;
    }

    /** Signed with this example party's key (certs-example/&lt;party&gt;). */
    public PartnerEnvelopes signedBy(String party) throws Exception {
        return signedBy(identity(party));
    }

    public PartnerEnvelopes signedBy(SigningIdentity identity) {
        this.signer = identity;
        return this;
    }

    /** The content encrypted as it is, without a signature. */
    public PartnerEnvelopes unsigned() {
        this.signed = false;
        return this;
    }

    /** One letter of the content changed after it was signed (then encrypted as usual). */
    public PartnerEnvelopes withContentAlteredAfterSigning() {
        this.alterSignedContent = true;
        return this;
    }

    /** Encrypted for this example party's certificate instead of our gateway's. */
    public PartnerEnvelopes encryptedFor(String party) throws Exception {
        this.recipient = Certificates.readCertificate(certs().resolve(party).resolve("cert.pem"));
        return this;
    }

    public byte[] build() throws Exception {
        byte[] protectedContent = signed ? CmsSigner.create(signer).sign(content) : content;
        if (alterSignedContent) {
            alterFirstLetterOfTheSubject(protectedContent);
        }
        X509Certificate to = recipient != null ? recipient
                : Certificates.readCertificate(certs().resolve("gateway/cert.pem"));
        byte[] cms = CmsEncryptor.create().encrypt(protectedContent, to);
        return new EnvelopeWriter().write(new EnvelopeHeader(headerMessageId(), "EX-" + messageId, from, this.to,
                sentAt != null ? sentAt : Instant.now(), contentFormat), cms);
    }

    /** The content travels as it is inside the SignedData; changing a byte keeps every DER length right. */
    private static void alterFirstLetterOfTheSubject(byte[] signedData) {
        byte[] marker = "<Subject>".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length < signedData.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (signedData[i + j] != marker[j]) {
                    continue outer;
                }
            }
            signedData[i + marker.length] ^= 0x20;
            return;
        }
        throw new IllegalArgumentException("the signed content has no Subject");
    }

    /** The envelope with its payload's last byte (inside the AES-GCM tag) flipped. */
    public static byte[] withTamperedCiphertext(byte[] envelope) {
        String xml = new String(envelope, StandardCharsets.UTF_8);
        Matcher payload = Pattern.compile("<(\\w+:)?Payload>([^<]*)</", Pattern.DOTALL).matcher(xml);
        if (!payload.find()) {
            throw new IllegalArgumentException("envelope has no Payload");
        }
        byte[] cms = Base64.getMimeDecoder().decode(payload.group(2).trim());
        cms[cms.length - 1] ^= 0x01;
        return (xml.substring(0, payload.start(2)) + Base64.getEncoder().encodeToString(cms)
                + xml.substring(payload.end(2))).getBytes(StandardCharsets.UTF_8);
    }

    /** The envelope's text with the first match of group 1 of the pattern replaced. */
    public static byte[] edited(byte[] envelope, String regex, String value) {
        return replace(new String(envelope, StandardCharsets.UTF_8), Pattern.compile(regex, Pattern.DOTALL), value);
    }

    /**
     * A key whose certificate names {@code subject} but is issued by a throwaway CA that nobody trusts: an impostor
     * with the right name.
     */
    public static SigningIdentity fromUntrustedCa(X500Principal subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair keys = generator.generateKeyPair();
        X500Principal caName = new X500Principal("CN=throwaway-ca, O=Nobody (test)");
        Instant now = Clock.systemUTC().instant();
        Date from = Date.from(now.minus(Duration.ofDays(1)));
        Date until = Date.from(now.plus(Duration.ofDays(30)));
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        X509Certificate ca = converter.getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from,
                until, caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        X509Certificate leaf = converter.getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.TWO,
                from, until, subject, keys.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        return SigningIdentity.of(keys.getPrivate(), leaf, List.of(ca));
    }

    public static SigningIdentity identity(String party) throws Exception {
        return SigningIdentity.fromPem(certs().resolve(party).resolve("cert.pem"),
                certs().resolve(party).resolve("key.pem"), null);
    }

    public static X509Certificate certificate(String party) throws Exception {
        return Certificates.readCertificate(certs().resolve(party).resolve("cert.pem"));
    }

    private static Path certs() {
        return RunningGateway.projectDirectory().resolve("certs-example");
    }

    private static byte[] replace(String text, Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("nothing matches " + pattern);
        }
        return (text.substring(0, matcher.start(1)) + value + text.substring(matcher.end(1)))
                .getBytes(StandardCharsets.UTF_8);
    }
}
