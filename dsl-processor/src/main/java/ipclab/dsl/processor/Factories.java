package ipclab.dsl.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a static factory per constant of a record's kind: on {@code Scenarios},
 * {@code @Factories({ChannelSpec.class, ProcessSpec.class})} writes the class
 * {@code ScenariosFactories} beside it, with for each constant of the enum that is the record's
 * kind (its component after {@code String name}: {@code ChannelType type}, {@code Role role}) a
 * factory named after the constant ({@code SHM -> shm(String name)}, {@code WRITER ->
 * writer(String name)}) that starts the record's builder ({@code new ChannelSpecBuilder(name,
 * ChannelType.SHM)}, written by {@link Setters}), its Javadoc the constant's. The annotated class
 * extends the generated one, so that {@code import static ipclab.dsl.Scenarios.*} brings the
 * factories along.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Factories {
    /** The records whose kinds get a factory each. */
    Class<?>[] value();
}
