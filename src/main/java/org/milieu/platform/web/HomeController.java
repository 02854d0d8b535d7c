package org.milieu.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: where each person starts, with the parts of Milieu their role may use. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "platform/home";
	}
}
