package dev.dbparity.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application, as a user's, for the tests of the Spring front end. */
@SpringBootApplication
public class ShopApplication {
}
