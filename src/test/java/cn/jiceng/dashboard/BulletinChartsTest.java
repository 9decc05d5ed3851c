package cn.jiceng.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class BulletinChartsTest {

	@Test
	void theValueAxisEndsAtARoundNumberWithWholeSteps() {
		assertThat(BulletinCharts.niceTop(0)).isEqualTo(4);
		assertThat(BulletinCharts.niceTop(3)).isEqualTo(4);
		assertThat(BulletinCharts.niceTop(7)).isEqualTo(8);
		assertThat(BulletinCharts.niceTop(31)).isEqualTo(40);
		assertThat(BulletinCharts.niceTop(812)).isEqualTo(1000);
		assertThat(BulletinCharts.niceTop(8)).isEqualTo(8);
	}

	@Test
	void aChartIsAPngDataUriThreeTimesItsPrintedSize() throws Exception {
		String uri = BulletinCharts.bars(List.of("红色", "未开展"), List.of(12, 0), List.of(BulletinCharts.PARTY_RED));

		assertThat(uri).startsWith("data:image/png;base64,");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))));
		assertThat(image.getWidth()).isEqualTo(BulletinCharts.WIDTH * 3);
		assertThat(image.getHeight()).isEqualTo(BulletinCharts.HEIGHT * 3);
	}
}
