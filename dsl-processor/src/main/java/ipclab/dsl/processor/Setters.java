package ipclab.dsl.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for the fluent builder's plain setters of a record whose components are YAML keys: for
 * {@code record ChannelSpec(String name, ChannelType type, ByteSize size, Integer slots, ...)} the
 * class {@code ChannelSpecSetters<B>} in the same package, with one {@code B type(ChannelType)},
 * {@code B size(ByteSize)}, {@code B slots(int)} ... per component (a boxed one taken unboxed). A
 * {@code name} component gets no setter: the constructor takes it and {@code name()} reads it; nor
 * does a map or a collection (a scenario's channels, its claims): the builder adds to those its
 * own way.
 * Each setter is {@code return put("size", size);}: the generated class extends the package's
 * {@code SpecBuilder}, which finds the component's key, records where the call was written and
 * builds the record. The hand-written {@code Builder} extends the generated class and keeps only
 * its constructor (which sets the kind) and what is not a plain setter (overloads such as
 * {@code size(long)}).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Setters {}
