package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The factory is pinned to what the class-path look-up finds (the same factory), and an operator's choice stays. */
class XmlDatatypeFactoryTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(XmlDatatypeFactory.PROPERTY);
    System.clearProperty(XmlDatatypeFactory.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(XmlDatatypeFactory.PROPERTY);
    } else {
      System.setProperty(XmlDatatypeFactory.PROPERTY, before);
    }
  }

  @Test
  void shouldPinTheFactoryTheLookUpFinds() throws Exception {
    String lookedUp = DatatypeFactory.newInstance().getClass().getName();

    assertThat(XmlDatatypeFactory.pin()).isEqualTo(lookedUp);
    assertThat(System.getProperty(XmlDatatypeFactory.PROPERTY)).isEqualTo(lookedUp);
    assertThat(DatatypeFactory.newInstance().newDuration("PT72H").getHours()).isEqualTo(72);
  }

  @Test
  void shouldKeepAFactoryTheOperatorNamed() {
    System.setProperty(XmlDatatypeFactory.PROPERTY, "com.example.TheirFactory");

    assertThat(XmlDatatypeFactory.pin()).isEqualTo("com.example.TheirFactory");
    assertThat(System.getProperty(XmlDatatypeFactory.PROPERTY)).isEqualTo("com.example.TheirFactory");
  }
}
