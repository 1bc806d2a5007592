package dev.codeexec.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method whose body must be declared as JSON: a request without a Content-Type is
 * refused with 415 (see {@link JsonBodyFilter}) instead of being parsed as JSON anyway. Resources
 * that must take other types (a Piston-compatible endpoint takes JSON sent as text/plain) leave it off.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface JsonBody {
}
