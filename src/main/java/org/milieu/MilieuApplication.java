package org.milieu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Milieu: software for running a therapeutic community. Each top-level package below this
 * one is an application module; {@code ModularityTests} proves their boundaries.
 */
@SpringBootApplication
@Modulithic(systemName = "Milieu", sharedModules = "shared")
public class MilieuApplication {

	public static void main(String[] args) {
		SpringApplication.run(MilieuApplication.class, args);
	}
}
