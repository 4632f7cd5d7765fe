package se.breachflow.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on a free port, which a test may stop and start again on the same port. */
final class Smtp {

  /** One received message, decoded. */
  record Mail(String messageId, List<String> to, String subject, String contentType, String text, String html) {

    /** Everything a reader of the message sees. */
    String all() {
      return subject + "\n" + text + "\n" + html;
    }
  }

  private final int port = freePort();
  private GreenMail server;

  int port() {
    return port;
  }

  synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /**
   * The messages received since the server was started, about one incident (its number is in every subject).
   * GreenMail keeps a copy per recipient; this is one entry per message sent (by Message-ID).
   */
  synchronized List<Mail> about(String incidentNumber) throws MessagingException, IOException {
    Map<String, Mail> mails = new LinkedHashMap<>();
    for (Mail mail : copies(incidentNumber)) {
      mails.putIfAbsent(mail.messageId(), mail);
    }
    return List.copyOf(mails.values());
  }

  /** Every copy received about one incident: one per recipient and per time a message was sent. */
  synchronized List<Mail> copies(String incidentNumber) throws MessagingException, IOException {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      if (message.getSubject().contains(incidentNumber)) {
        mails.add(decode(message));
      }
    }
    return mails;
  }

  private static Mail decode(MimeMessage message) throws MessagingException, IOException {
    List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
        .map(address -> ((InternetAddress) address).getAddress()).sorted().toList();
    String text = null;
    String html = null;
    MimeMultipart parts = (MimeMultipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    return new Mail(message.getMessageID(), to, message.getSubject(), message.getContentType(), text, html);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
