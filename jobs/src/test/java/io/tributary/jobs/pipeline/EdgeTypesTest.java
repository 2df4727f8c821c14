package io.tributary.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connectors.sink.ResolvedEdge;
import io.tributary.connectors.store.EdgeRow;
import io.tributary.connectors.store.ResourceId;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The edges a job sends between tasks are POJOs to Flink, with no field left to Kryo. */
class EdgeTypesTest {

  @Test
  void edgesAndIdsArePojosAllTheWayDown() {
    for (Class<?> type : new Class<?>[] {ResourceId.class, ResolvedEdge.class, EdgeRow.class}) {
      TypeInformation<?> info = TypeInformation.of(type);
      assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
      PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
      for (int i = 0; i < pojo.getArity(); i++) {
        assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
            .as(type.getSimpleName() + "." + pojo.getPojoFieldAt(i).getField().getName())
            .isNotInstanceOf(GenericTypeInfo.class);
      }
    }
  }
}
