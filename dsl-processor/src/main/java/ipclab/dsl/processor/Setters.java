package ipclab.dsl.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for the fluent builder of a record whose components are YAML keys. For
 * {@code record ChannelSpec(String name, ChannelType type, ByteSize size, Integer slots, ...)} it
 * writes, in the same package:
 *
 * <ul>
 *   <li>{@code ChannelSpecSetters<B>}, one {@code B size(ByteSize)}, {@code B slots(int)} ... per
 *       component (a boxed one taken unboxed), each {@code return put("size", size);}, and, for
 *       each static factory of the component's value type marked {@link Plain}, an overload taking
 *       the factory's parameters ({@code B size(long bytes)}, from {@code ByteSize.of(long)}). A
 *       {@code name} component gets no setter: the constructor takes it and {@code name()} reads
 *       it. A list gets an adder ({@code B expect(String...)}); a list or a map of records that
 *       have {@code @Setters} (a scenario's channels, processes, faults) gets two, taking them
 *       built or as builders ({@code B channel(Buildable<ChannelSpec>)}, {@code B
 *       channels(Buildable<ChannelSpec>...)}); another map (a sweep) none. It extends the
 *       package's {@code SpecBuilder}, which finds the component's key, adds to the list or map the
 *       builder started, records where the call was written and builds the record.
 *   <li>{@code ChannelSpecBuilder}, the public builder: a constructor taking the name and the
 *       component after it, the record's kind ({@code ChannelSpecBuilder(String name, ChannelType
 *       type)}), or nothing for a record without a name; unless {@link #builder()} is false, for a
 *       record whose builder is hand-written (it extends the setters class and adds what is not a
 *       plain setter).
 * </ul>
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Setters {
    /** Whether to write the public builder too; false when the record's builder is hand-written. */
    boolean builder() default true;

    /**
     * Marks a static factory of a value type ({@code ByteSize.of(long)}) whose parameters a builder
     * takes too: every component of that type gets an overload that calls it, its Javadoc the
     * factory's.
     */
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.METHOD)
    @interface Plain {}
}
