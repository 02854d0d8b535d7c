package org.milieu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.milieu.identity.DemoSignIns;
import org.milieu.platform.database.OneConnectionPerThread;
import org.milieu.platform.database.StatementCount;
import org.milieu.platform.web.ApiContractCheck;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the shared embedded PostgreSQL with the demo community, driven
 * through MockMvc with the real filter chain, every API call checked against the served API
 * description ({@link ApiContractCheck}). Every web test uses this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ DemoSignIns.class, OneConnectionPerThread.class, StatementCount.class, ApiContractCheck.class })
public @interface MilieuWebTest {
}
