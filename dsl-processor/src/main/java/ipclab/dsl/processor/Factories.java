package ipclab.dsl.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a static factory per constant of a builder's kind: on {@code Scenarios},
 * {@code @Factories({ChannelSpec.Builder.class, ProcessSpec.Builder.class})} writes the class
 * {@code ScenariosFactories} beside it, with for each constant of the enum that a builder's
 * constructor {@code (String name, E kind)} takes a factory named after the constant
 * ({@code SHM -> shm(String name)}, {@code WRITER -> writer(String name)}) that starts that
 * builder, its Javadoc the constant's. The annotated class extends the generated one, so that
 * {@code import static ipclab.dsl.Scenarios.*} brings the factories along.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Factories {
    /** The builders whose kinds get a factory each. */
    Class<?>[] value();
}
